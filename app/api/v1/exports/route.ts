import { apiRoute } from "@/lib/server/api/route";
import { startExportSpec } from "@/lib/server/api/specs/exports";
import { startExport } from "@/lib/server/exports/start-export";

export const POST = apiRoute(startExportSpec, async ({ workspace, role, actor, body }) => {
  if (!body) throw new Error("exports route: body was not parsed");
  const job = await startExport({
    workspaceId: workspace.id,
    role,
    actor,
    requestedById: null,
    scope: body,
  });
  return Response.json(job, { status: 202, headers: { "cache-control": "no-store" } });
});

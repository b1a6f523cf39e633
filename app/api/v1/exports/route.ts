import { apiRoute } from "@/lib/server/api/route";
import { listExportsSpec, startExportSpec } from "@/lib/server/api/specs/exports";
import { listExportJobs } from "@/lib/server/exports/list-export-jobs";
import { startExport } from "@/lib/server/exports/start-export";

export const GET = apiRoute(listExportsSpec, async ({ workspace }) => ({
  jobs: await listExportJobs({ workspaceId: workspace.id }),
}));

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

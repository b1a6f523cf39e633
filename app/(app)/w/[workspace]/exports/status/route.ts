import { toApiErrorResponse } from "@/lib/errors";
import { listExportJobs } from "@/lib/server/exports/list-export-jobs";
import { workspaceRouteAuth } from "@/lib/server/exports/workspace-route-auth";

type Context = { params: Promise<{ workspace: string }> };

/** The exports page polls this (TanStack Query) for job progress; polling also wakes the worker. */
export async function GET(_request: Request, context: Context) {
  try {
    const auth = await workspaceRouteAuth({
      slug: (await context.params).workspace,
      permission: "export.read",
    });
    const jobs = await listExportJobs({ workspaceId: auth.workspace.id });
    return Response.json({ jobs }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toApiErrorResponse(error);
  }
}

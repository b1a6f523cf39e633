import { workspaceRoute } from "@/lib/auth/workspace-route";
import { toApiErrorResponse } from "@/lib/errors";
import { listExportJobs } from "@/lib/server/exports/list-export-jobs";

/** The exports page polls this (TanStack Query) for job progress; polling also wakes the worker. */
export const GET = workspaceRoute({ permission: "export.read" }, async ({ auth }) => {
  try {
    const jobs = await listExportJobs({ workspaceId: auth.workspace.id });
    return Response.json({ jobs }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toApiErrorResponse(error);
  }
});

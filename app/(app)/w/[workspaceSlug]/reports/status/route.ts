import { workspaceRoute } from "@/lib/auth/workspace-route";
import { toApiErrorResponse } from "@/lib/errors";
import { listReports } from "@/lib/server/reports/list-reports";

/** The reports page polls this (TanStack Query) while a report is being made. */
export const GET = workspaceRoute({ permission: "report.read" }, async ({ auth }) => {
  try {
    const reports = await listReports(auth.workspace.id);
    return Response.json({ reports }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toApiErrorResponse(error);
  }
});

import { apiRoute } from "@/lib/server/api/route";
import { listReportsSpec, startReportSpec } from "@/lib/server/api/specs/reports";
import { listReports } from "@/lib/server/reports/list-reports";
import { startReport } from "@/lib/server/reports/start-report";

export const GET = apiRoute(listReportsSpec, async ({ workspace }) => ({
  reports: await listReports(workspace.id),
}));

export const POST = apiRoute(startReportSpec, async ({ workspace, role, actor }) => {
  const report = await startReport({ workspaceId: workspace.id, role, actor, requestedById: null });
  return Response.json(report, { status: 202, headers: { "cache-control": "no-store" } });
});

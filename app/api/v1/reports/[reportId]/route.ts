import { apiRoute } from "@/lib/server/api/route";
import { getReportSpec } from "@/lib/server/api/specs/reports";
import { getReport } from "@/lib/server/reports/list-reports";

export const GET = apiRoute(getReportSpec, async ({ workspace, params }) => {
  if (!params) throw new Error("reports route: params were not parsed");
  return getReport({ workspaceId: workspace.id, reportId: params.reportId });
});

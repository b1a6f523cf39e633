import { apiRoute } from "@/lib/server/api/route";
import { downloadReportSpec } from "@/lib/server/api/specs/reports";
import { openReportDownload } from "@/lib/server/reports/list-reports";

export const GET = apiRoute(downloadReportSpec, async ({ workspace, params }) => {
  if (!params) throw new Error("reports route: params were not parsed");
  return openReportDownload({ workspaceId: workspace.id, reportId: params.reportId });
});

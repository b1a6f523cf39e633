import { workspaceRoute } from "@/lib/auth/workspace-route";
import { toApiErrorResponse } from "@/lib/errors";
import { openReportDownload } from "@/lib/server/reports/list-reports";

type Params = { workspaceSlug: string; reportId: string };

export const GET = workspaceRoute<Params>({ permission: "report.read" }, async (context) => {
  const { params, auth } = context;
  try {
    return await openReportDownload({ workspaceId: auth.workspace.id, reportId: params.reportId });
  } catch (error) {
    return toApiErrorResponse(error);
  }
});

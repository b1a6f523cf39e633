import { toApiErrorResponse } from "@/lib/errors";
import { workspaceRouteAuth } from "@/lib/server/exports/workspace-route-auth";
import { openReportDownload } from "@/lib/server/reports/list-reports";

type Context = { params: Promise<{ workspace: string; reportId: string }> };

export async function GET(_request: Request, context: Context) {
  try {
    const params = await context.params;
    const auth = await workspaceRouteAuth({ slug: params.workspace, permission: "report.read" });
    return await openReportDownload({ workspaceId: auth.workspace.id, reportId: params.reportId });
  } catch (error) {
    return toApiErrorResponse(error);
  }
}

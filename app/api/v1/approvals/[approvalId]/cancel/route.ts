import { apiRoute } from "@/lib/server/api/route";
import { cancelApprovalSpec } from "@/lib/server/api/specs/approvals";
import { cancelApprovalRequest } from "@/lib/server/approvals/cancel-approval-request";

export const POST = apiRoute(cancelApprovalSpec, async ({ workspace, actor, creatorId, params }) =>
  cancelApprovalRequest({
    workspaceId: workspace.id,
    caller: { actor, userId: creatorId },
    approvalId: params.approvalId,
  }),
);

import { apiRoute } from "@/lib/server/api/route";
import { approveApprovalSpec } from "@/lib/server/api/specs/approvals";
import { approveApprovalRequest } from "@/lib/server/approvals/decide-approval-request";

// The token's creator decides, so a token of the requester cannot approve their own request.
export const POST = apiRoute(
  approveApprovalSpec,
  async ({ workspace, actor, creatorId, params, body }) =>
    approveApprovalRequest({
      workspaceId: workspace.id,
      caller: { actor, userId: creatorId },
      input: { ...body, approvalId: params.approvalId },
    }),
);

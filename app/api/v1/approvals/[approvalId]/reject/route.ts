import { apiRoute } from "@/lib/server/api/route";
import { rejectApprovalSpec } from "@/lib/server/api/specs/approvals";
import { rejectApprovalRequest } from "@/lib/server/approvals/decide-approval-request";

export const POST = apiRoute(
  rejectApprovalSpec,
  async ({ workspace, actor, creatorId, params, body }) =>
    rejectApprovalRequest({
      workspaceId: workspace.id,
      caller: { actor, userId: creatorId },
      input: { ...body, approvalId: params.approvalId },
    }),
);

import { apiRoute } from "@/lib/server/api/route";
import { createApprovalSpec, listApprovalsSpec } from "@/lib/server/api/specs/approvals";
import { createApprovalRequest } from "@/lib/server/approvals/create-approval-request";
import { listApprovalRequests } from "@/lib/server/approvals/list-approval-requests";

export const GET = apiRoute(listApprovalsSpec, async ({ workspace, creatorId, query }) => ({
  approvals: await listApprovalRequests({ workspaceId: workspace.id, userId: creatorId, query }),
}));

// The token's creator is the requester: the person the approver must not be.
export const POST = apiRoute(createApprovalSpec, async ({ workspace, actor, creatorId, body }) =>
  createApprovalRequest({
    workspaceId: workspace.id,
    caller: { actor, userId: creatorId },
    input: body,
  }),
);

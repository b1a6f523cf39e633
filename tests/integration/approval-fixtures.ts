// Waivers and overrides go through an approver now (issue 16): tests that need a duty accepted,
// not applicable or overridden ask for it and have another member approve it, as the app does.
import { createApprovalRequest } from "@/lib/server/approvals/create-approval-request";
import { approveApprovalRequest } from "@/lib/server/approvals/decide-approval-request";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import type { CreateApprovalInput } from "@/lib/validation/approvals";

type Person = { id: string; email: string };

export const userActor = (user: Person): AuditActor => ({
  type: "USER",
  id: user.id,
  label: user.email,
});

export const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** `requester` asks, `approver` (an ADMIN or OWNER) approves; returns the request's id. */
export async function requestAndApprove({
  workspaceId,
  requester,
  approver,
  input,
  confirmLoss,
}: {
  workspaceId: string;
  requester: Person;
  approver: Person;
  input: Omit<CreateApprovalInput, "approverId" | "endsAt"> & { endsAt?: string };
  confirmLoss?: string | null;
}): Promise<string> {
  const created = await createApprovalRequest({
    workspaceId,
    caller: { actor: userActor(requester), userId: requester.id },
    input: { endsAt: dayFromNow(30), ...input, approverId: approver.id },
  });
  await approveApprovalRequest({
    workspaceId,
    caller: { actor: userActor(approver), userId: approver.id },
    input: { approvalId: created.id, comment: null, confirmLoss: confirmLoss ?? null },
  });
  return created.id;
}

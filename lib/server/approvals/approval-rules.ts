import "server-only";

import { can } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { APPROVAL_KIND_LABELS, type ApprovalKind } from "@/lib/validation/approvals";
import { dutyHref } from "@/lib/view/dashboard/labels";

/**
 * Who acts on an approval: the audit actor (a session's user or an API token) and the person
 * behind it. For a token that is its creator, so a token whose creator asked for a request cannot
 * approve it either.
 */
export type ApprovalCaller = { actor: AuditActor; userId: string };

export function callerTokenId(caller: ApprovalCaller): string | null {
  return caller.actor.type === "TOKEN" ? (caller.actor.id ?? null) : null;
}

/** Whether `userId` may decide approvals in this workspace now: an active member whose role holds
 * approval.decide (OWNER, ADMIN), with an active account. */
export async function isEligibleApprover(
  tx: Prisma.TransactionClient,
  { workspaceId, userId }: { workspaceId: string; userId: string },
): Promise<boolean> {
  const member = await tx.membership.findFirst({
    where: { workspaceId, userId, deactivatedAt: null, user: { active: true } },
    select: { role: true },
  });
  return member !== null && can(member.role, "approval.decide");
}

export async function assertEligibleApprover(
  tx: Prisma.TransactionClient,
  args: { workspaceId: string; userId: string },
) {
  if (!(await isEligibleApprover(tx, args))) {
    throw ValidationError.forField(
      "approverId",
      "The approver must be an active admin or owner of this workspace.",
    );
  }
}

/** The first day after which an approval asked for now would run longer than `months`. */
export function latestEndDay(now: Date, months: number): string {
  const end = new Date(now);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end.toISOString().slice(0, 10);
}

/** What a request is about, in words, for notifications and audit labels. */
export function describeTarget(row: {
  kind: ApprovalKind;
  domainKey: string;
  side: string | null;
  proposedValue: string | null;
}): string {
  const what = APPROVAL_KIND_LABELS[row.kind].toLowerCase();
  const side = row.side ? `${row.side.toLowerCase()} duty of ` : "";
  const value = row.kind === "OVERRIDE" && row.proposedValue ? ` to ${row.proposedValue}` : "";
  return `${what}${value} for the ${side}domain ${row.domainKey}`;
}

export async function approvalLink(
  tx: Prisma.TransactionClient,
  row: { workspaceId: string; systemId: string; domainKey: string },
): Promise<string> {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: row.workspaceId },
    select: { slug: true },
  });
  return dutyHref({ slug: workspace.slug, systemId: row.systemId, domainKey: row.domainKey });
}

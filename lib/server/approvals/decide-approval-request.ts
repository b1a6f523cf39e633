import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  type ApprovalCaller,
  approvalLink,
  callerTokenId,
  describeTarget,
  isEligibleApprover,
} from "@/lib/server/approvals/approval-rules";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { recordNotifications } from "@/lib/server/notifications/record-notifications";
import { applyResponsibilityOverride } from "@/lib/server/responsibilities/override-responsibility";
import type { ApproveApprovalInput, RejectApprovalInput } from "@/lib/validation/approvals";

type ApprovalRow = Prisma.ApprovalRequestGetPayload<object>;

export const OWN_REQUEST_MESSAGE =
  "You asked for this yourself: another admin or owner decides it (you may cancel it).";

/**
 * Loads a pending request and checks that the caller may decide it: the named approver or any
 * other active admin or owner, never the person who asked (also not through their own token, and
 * also not when they are the owner).
 */
async function loadForDecision(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    approvalId,
    caller,
  }: { workspaceId: string; approvalId: string; caller: ApprovalCaller },
): Promise<ApprovalRow> {
  const row = await tx.approvalRequest.findFirst({ where: { id: approvalId, workspaceId } });
  if (!row) throw new NotFoundError("Approval request not found.");
  if (row.requestedById === caller.userId) throw new ForbiddenError(OWN_REQUEST_MESSAGE);
  if (!(await isEligibleApprover(tx, { workspaceId, userId: caller.userId })))
    throw new ForbiddenError("Only an admin or owner of this workspace decides approvals.");
  if (row.status !== "PENDING")
    throw new ConflictError(
      `This request was already ${row.status.toLowerCase()}; nothing was changed.`,
      { status: row.status },
    );
  return row;
}

/**
 * Approves a pending request and applies it in the same transaction: a risk acceptance sets the
 * duty RISK_ACCEPTED with the approver and the end as its expiry; an exception sets it
 * NOT_APPLICABLE; an override sets the domain's value (its parts follow, as for any override; a
 * side with work needs `confirmLoss` as in the override route). An earlier approval of the same
 * duty (or domain) that still applied ends as superseded. The requester is told.
 */
export async function approveApprovalRequest({
  workspaceId,
  caller,
  input,
  now = new Date(),
}: {
  workspaceId: string;
  caller: ApprovalCaller;
  input: ApproveApprovalInput;
  now?: Date;
}) {
  return workspaceTransaction(workspaceId, "approveApprovalRequest", async (tx) => {
    const row = await loadForDecision(tx, {
      workspaceId,
      approvalId: input.approvalId,
      caller,
    });
    if (row.endsAt.getTime() <= now.getTime())
      throw new ConflictError(
        "The end date of this request has passed: reject it, and the requester asks again with a later end.",
      );

    if (row.kind === "OVERRIDE") {
      await applyResponsibilityOverride(tx, {
        workspaceId,
        actor: caller.actor,
        input: {
          responsibilityId: row.responsibilityId,
          value: row.proposedValue,
          justification: row.justification,
          confirmLoss: input.confirmLoss ?? null,
        },
        overriddenById: row.requestedById,
        approvalId: row.id,
      });
    } else {
      const duty = await tx.duty.findFirst({
        where: { id: row.dutyId ?? "", workspaceId },
        include: { responsibility: { select: { system: { select: { archivedAt: true } } } } },
      });
      if (!duty)
        throw new ConflictError(
          "This duty no longer exists (its system or domain changed): reject the request.",
        );
      if (duty.responsibility.system.archivedAt)
        throw new ConflictError("The system is archived. Restore it before changing its duties.");
      const risk = row.kind === "RISK_ACCEPTANCE";
      const next = {
        status: risk ? ("RISK_ACCEPTED" as const) : ("NOT_APPLICABLE" as const),
        justification: row.justification,
        riskApproverId: risk ? caller.userId : null,
        riskAcceptanceExpiresAt: risk ? row.endsAt : null,
      };
      await tx.duty.updateMany({
        where: { id: duty.id, workspaceId },
        data: { ...next, version: { increment: 1 } },
      });
      await recordAuditEvent(tx, {
        workspaceId,
        actor: caller.actor,
        action: risk ? "responsibility.acceptRisk" : "responsibility.markNotApplicable",
        entityType: "Duty",
        entityId: duty.id,
        diff: {
          systemId: duty.systemId,
          domainKey: duty.domainKey,
          side: duty.side,
          approvalId: row.id,
          status: { from: duty.status, to: next.status },
          justification: { from: duty.justification, to: next.justification },
          riskApproverId: { from: duty.riskApproverId, to: next.riskApproverId },
          riskAcceptanceExpiresAt: {
            from: duty.riskAcceptanceExpiresAt?.toISOString() ?? null,
            to: next.riskAcceptanceExpiresAt?.toISOString() ?? null,
          },
        },
      });
    }

    // One approval applies to a duty (or a domain's value) at a time.
    await tx.approvalRequest.updateMany({
      where: {
        workspaceId,
        status: "APPROVED",
        id: { not: row.id },
        ...(row.kind === "OVERRIDE"
          ? { kind: "OVERRIDE", responsibilityId: row.responsibilityId }
          : { kind: { in: ["RISK_ACCEPTANCE", "NOT_APPLICABLE"] }, dutyId: row.dutyId }),
      },
      data: { status: "EXPIRED", endedAt: now, endReason: "superseded" },
    });
    return finishDecision(tx, {
      workspaceId,
      caller,
      row,
      status: "APPROVED",
      comment: input.comment ?? null,
      now,
    });
  });
}

/** Rejects a pending request with the decider's reason; the duty stays as it is. */
export async function rejectApprovalRequest({
  workspaceId,
  caller,
  input,
  now = new Date(),
}: {
  workspaceId: string;
  caller: ApprovalCaller;
  input: RejectApprovalInput;
  now?: Date;
}) {
  return workspaceTransaction(workspaceId, "rejectApprovalRequest", async (tx) => {
    const row = await loadForDecision(tx, {
      workspaceId,
      approvalId: input.approvalId,
      caller,
    });
    return finishDecision(tx, {
      workspaceId,
      caller,
      row,
      status: "REJECTED",
      comment: input.comment,
      now,
    });
  });
}

async function finishDecision(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    caller,
    row,
    status,
    comment,
    now,
  }: {
    workspaceId: string;
    caller: ApprovalCaller;
    row: ApprovalRow;
    status: "APPROVED" | "REJECTED";
    comment: string | null;
    now: Date;
  },
) {
  const updated = await tx.approvalRequest.updateMany({
    where: { id: row.id, workspaceId, status: "PENDING" },
    data: {
      status,
      decidedById: caller.userId,
      decidedByTokenId: callerTokenId(caller),
      decisionComment: comment,
      decidedAt: now,
    },
  });
  if (updated.count !== 1) throw new ConflictError("This request was decided meanwhile.");
  await recordAuditEvent(tx, {
    workspaceId,
    actor: caller.actor,
    action: status === "APPROVED" ? "approval.approve" : "approval.reject",
    entityType: "ApprovalRequest",
    entityId: row.id,
    diff: {
      kind: row.kind,
      dutyId: row.dutyId,
      responsibilityId: row.responsibilityId,
      status: { from: "PENDING", to: status },
      decidedById: caller.userId,
      comment,
      endsAt: row.endsAt.toISOString(),
    },
  });
  const verb = status === "APPROVED" ? "approved" : "rejected";
  await recordNotifications(tx, workspaceId, [
    {
      userId: row.requestedById,
      category: "APPROVAL",
      event: "approval.decided",
      dedupeKey: `approval.decided:${row.id}`,
      title: `Your request was ${verb}: ${describeTarget(row)}`,
      body: comment,
      link: await approvalLink(tx, row),
      entityType: "ApprovalRequest",
      entityId: row.id,
    },
  ]);
  return { id: row.id, status };
}

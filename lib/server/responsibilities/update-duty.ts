import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notifyDutyAssignment } from "@/lib/server/notifications/notify-duty-assignment";
import {
  assertOwnerIsMember,
  assertRiskApprover,
} from "@/lib/server/responsibilities/check-members";
import {
  dutyStatusProblems,
  endOfDay,
  startOfDay,
  type UpdateDutyInput,
} from "@/lib/validation/responsibilities";

export const WAIVER_NEEDS_APPROVAL_MESSAGE =
  "Risk accepted and Not applicable are set by an approver, not by an edit: request them on the " +
  "duty (Request an exception) or with POST /api/v1/approvals; the duty changes when the " +
  "approver approves.";
export const WAIVER_FIXED_MESSAGE =
  "This duty's justification, approver and end date come from its approval: change them with a " +
  "new request (POST /api/v1/approvals), or set another status to end the exception.";

/** The statuses that make a duty count as covered without the work being done. */
export function isWaiverStatus(status: string): boolean {
  return status === "RISK_ACCEPTED" || status === "NOT_APPLICABLE";
}

export const STALE_DUTY_MESSAGE =
  "Someone else changed this duty after you opened it. Your edit was not saved and nothing was lost: " +
  "reload to see their change, then apply yours again.";

/**
 * Edits one part (owner, status, justification, due date). Fields not given stay. Starting a risk
 * acceptance or a not-applicable exception is refused: those are approval requests.
 * The status rules are checked on the part as it will be after the edit, and the write only
 * succeeds on the version the editor saw, so the second of two concurrent saves gets a 409.
 */
export async function updateDuty({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: UpdateDutyInput;
}) {
  const now = new Date();
  return workspaceTransaction(workspaceId, "updateDuty", async (tx) => {
    const part = await tx.duty.findFirst({
      where: { id: input.dutyId, workspaceId },
      include: {
        responsibility: { select: { system: { select: { archivedAt: true, name: true } } } },
      },
    });
    if (!part) throw new NotFoundError("Responsibility not found.");
    if (part.version !== input.expectedVersion) throw new ConflictError(STALE_DUTY_MESSAGE);
    if (part.responsibility.system.archivedAt)
      throw new ConflictError("The system is archived. Restore it before changing its duties.");

    // Waiving a duty is an approver's act (lib/server/approvals): an edit may leave a waiver
    // (which ends it) or keep it as it is, but never start one or change what was approved.
    if (input.status !== undefined && isWaiverStatus(input.status) && input.status !== part.status)
      throw ValidationError.forField("status", WAIVER_NEEDS_APPROVAL_MESSAGE);

    const next = {
      ownerId: input.ownerId === undefined ? part.ownerId : input.ownerId,
      status: input.status ?? part.status,
      justification: input.justification === undefined ? part.justification : input.justification,
      dueDate:
        input.dueDate === undefined
          ? part.dueDate
          : input.dueDate === null
            ? null
            : startOfDay(input.dueDate),
      riskApproverId:
        input.riskApproverId === undefined ? part.riskApproverId : input.riskApproverId,
      riskAcceptanceExpiresAt:
        input.riskAcceptanceExpiresAt === undefined
          ? part.riskAcceptanceExpiresAt
          : input.riskAcceptanceExpiresAt === null
            ? null
            : endOfDay(input.riskAcceptanceExpiresAt),
    };
    // Approval and expiry only mean something for an accepted risk; leaving that status clears them.
    if (next.status !== "RISK_ACCEPTED") {
      next.riskApproverId = null;
      next.riskAcceptanceExpiresAt = null;
    }
    if (isWaiverStatus(next.status)) {
      const sameDay = (a: Date | null, b: Date | null) =>
        (a?.getTime() ?? null) === (b?.getTime() ?? null);
      if (
        next.justification !== part.justification ||
        next.riskApproverId !== part.riskApproverId ||
        !sameDay(next.riskAcceptanceExpiresAt, part.riskAcceptanceExpiresAt)
      )
        throw ValidationError.forField("status", WAIVER_FIXED_MESSAGE);
    }
    const problems = dutyStatusProblems(next, now);
    if (Object.keys(problems).length > 0) {
      throw new ValidationError(
        Object.values(problems)[0] ?? "Check the highlighted fields.",
        Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]])),
      );
    }
    if (next.ownerId && next.ownerId !== part.ownerId)
      await assertOwnerIsMember(tx, { workspaceId, userId: next.ownerId });
    if (next.riskApproverId && next.riskApproverId !== part.riskApproverId) {
      await assertRiskApprover(tx, { workspaceId, userId: next.riskApproverId });
    }

    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      const before = part[key] instanceof Date ? (part[key] as Date).toISOString() : part[key];
      const after = next[key] instanceof Date ? (next[key] as Date).toISOString() : next[key];
      if (before !== after) diff[key] = { from: before, to: after };
    }
    if (Object.keys(diff).length === 0)
      return { id: part.id, version: part.version, changed: false };

    const updated = await tx.duty.updateMany({
      where: { id: part.id, workspaceId, version: input.expectedVersion },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new ConflictError(STALE_DUTY_MESSAGE);
    if (isWaiverStatus(part.status) && !isWaiverStatus(next.status)) {
      // Leaving the waived status ends the approval that set it, so the approvals-expire job
      // never reverts work done since.
      await tx.approvalRequest.updateMany({
        where: {
          workspaceId,
          dutyId: part.id,
          kind: { in: ["RISK_ACCEPTANCE", "NOT_APPLICABLE"] },
          status: "APPROVED",
        },
        data: { status: "EXPIRED", endedAt: now, endReason: "withdrawn" },
      });
    }
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "responsibility.update",
      entityType: "Duty",
      entityId: part.id,
      diff: { systemId: part.systemId, domainKey: part.domainKey, side: part.side, ...diff },
    });
    if (next.ownerId !== part.ownerId) {
      await notifyDutyAssignment(tx, {
        workspaceId,
        actor,
        ownerId: next.ownerId,
        duties: [
          {
            id: part.id,
            version: part.version + 1,
            systemId: part.systemId,
            systemName: part.responsibility.system.name,
            domainKey: part.domainKey,
            side: part.side,
          },
        ],
      });
    }
    return { id: part.id, version: part.version + 1, changed: true };
  });
}

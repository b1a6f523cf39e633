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

export const STALE_DUTY_MESSAGE =
  "Someone else changed this duty after you opened it. Your edit was not saved and nothing was lost: " +
  "reload to see their change, then apply yours again.";

/**
 * Edits one part (owner, status, justification, due date, risk acceptance). Fields not given stay.
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
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action:
        next.status === "RISK_ACCEPTED" && part.status !== "RISK_ACCEPTED"
          ? "responsibility.acceptRisk"
          : "responsibility.update",
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

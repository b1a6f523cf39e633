import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { dutiesFor } from "@/lib/domain/derivation";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { archiveDuties, createDutiesRestoring } from "@/lib/server/responsibilities/archive-duties";
import {
  describeDutyLoss,
  lossConfirmed,
  lossSummary,
} from "@/lib/server/responsibilities/describe-duty-loss";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";
import type { OverrideResponsibilityInput } from "@/lib/validation/responsibilities";

export const OVERRIDE_NEEDS_APPROVAL_MESSAGE =
  "An override of the matrix value takes effect only when an approver approves it: request it " +
  "on the system page (Request an override) or with POST /api/v1/approvals (kind OVERRIDE). " +
  "Removing an override needs no approval.";

/**
 * Removes the override of one domain for one system (`value: null`), the one change of a
 * domain's value that needs nobody's approval: it goes back to the framework's derived value.
 * Setting an override is a request (lib/server/approvals/create-approval-request.ts) and is
 * applied by `applyResponsibilityOverride` when its approver approves it; a value here is refused
 * with a message that points there, so the page, the action and the API agree.
 */
export async function overrideResponsibility({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: OverrideResponsibilityInput;
}) {
  if (input.value !== null)
    throw ValidationError.forField("value", OVERRIDE_NEEDS_APPROVAL_MESSAGE);
  return workspaceTransaction(workspaceId, "overrideResponsibility", async (tx) => {
    const result = await applyResponsibilityOverride(tx, { workspaceId, actor, input });
    // The approval that set the override stops applying: its end is now, by hand.
    await tx.approvalRequest.updateMany({
      where: {
        workspaceId,
        responsibilityId: input.responsibilityId,
        kind: "OVERRIDE",
        status: "APPROVED",
      },
      data: { status: "EXPIRED", endedAt: new Date(), endReason: "withdrawn" },
    });
    return result;
  });
}

/**
 * Sets (or, with `value: null`, removes) the override of one domain for one system, inside the
 * caller's transaction (which holds the workspace lock). The derived value stays beside it; parts
 * follow the new effective value: sides that remain keep their owner, status and evidence links,
 * missing sides are created (or come back from the archive with their work), sides no longer
 * needed are archived. Removing a side that carries work needs `confirmLoss`, the hash of exactly
 * that loss: without it, or when the part changed since, the answer is 409 with the loss described
 * and nothing changes; `acceptLoss` skips that question for the approvals-expire job, which has
 * nobody to ask (the archived side comes back with its work if the value changes back). Every
 * override is an audit event carrying the justification and what was removed or restored.
 */
export async function applyResponsibilityOverride(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    actor,
    input,
    overriddenById,
    approvalId,
    acceptLoss = false,
  }: {
    workspaceId: string;
    actor: AuditActor;
    input: OverrideResponsibilityInput;
    /** Who asked for the override (the requester of an approval); default the actor's id. */
    overriddenById?: string | null;
    approvalId?: string;
    acceptLoss?: boolean;
  },
) {
  if (input.value !== null && !input.justification?.trim()) {
    throw ValidationError.forField(
      "justification",
      "Explain why this domain's value differs from the framework.",
    );
  }
  const responsibility = await tx.responsibility.findFirst({
    where: { id: input.responsibilityId, workspaceId },
    include: {
      system: { select: { archivedAt: true } },
      duties: {
        where: { workspaceId },
        select: {
          id: true,
          side: true,
          ownerId: true,
          _count: { select: { evidenceLinks: true } },
        },
      },
    },
  });
  if (!responsibility) throw new NotFoundError("Responsibility not found.");
  if (responsibility.system.archivedAt) {
    throw ValidationError.forField(
      "value",
      "The system is archived. Restore it before changing its duties.",
    );
  }
  const value = input.value ?? responsibility.derivedValue;
  const wanted = new Set(dutiesFor(value));
  const removed = responsibility.duties.filter((part) => !wanted.has(part.side));
  const existingSides = new Set(responsibility.duties.map((part) => part.side));
  const added = [...wanted].filter((side) => !existingSides.has(side));

  const loss = await describeDutyLoss(tx, {
    workspaceId,
    dutyIds: removed.map((part) => part.id),
  });
  if (!acceptLoss && !lossConfirmed(loss, input.confirmLoss)) {
    throw new ConflictError(
      input.confirmLoss
        ? "The duty this change removes has changed since you confirmed it. Review it again."
        : `This value removes the ${loss.parts.map((part) => part.side.toLowerCase()).join(" and ")} duty of this domain. Confirm the loss (confirmLoss) to apply it; the duty is archived and comes back with its work if the value changes back.`,
      { loss: lossSummary(loss) },
    );
  }
  if (removed.length > 0) {
    await archiveDuties(tx, {
      workspaceId,
      systemId: responsibility.systemId,
      parts: loss.parts,
      reason: "override",
      archivedById: actor.type === "USER" ? (actor.id ?? null) : null,
    });
    await tx.duty.deleteMany({
      where: { workspaceId, id: { in: removed.map((part) => part.id) } },
    });
  }
  const { restored } = await createDutiesRestoring(tx, {
    workspaceId,
    systemId: responsibility.systemId,
    parts: added.map((side) => ({
      responsibilityId: responsibility.id,
      domainKey: responsibility.domainKey,
      side,
    })),
  });
  const overridden = input.value !== null;
  await tx.responsibility.updateMany({
    where: { id: responsibility.id, workspaceId },
    data: {
      overrideValue: input.value,
      overrideJustification: overridden ? input.justification : null,
      overriddenById: overridden ? (overriddenById ?? actor.id ?? null) : null,
      overriddenAt: overridden ? new Date() : null,
      value,
    },
  });
  // A provider duty that appeared, or a value that now differs, is the vendor statements' to cover
  // or review as for any other system change.
  await syncSystemStatements(tx, { workspaceId, actor, systemIds: [responsibility.systemId] });
  await recordAuditEvent(tx, {
    workspaceId,
    actor,
    action: overridden ? "responsibility.override" : "responsibility.clearOverride",
    entityType: "Responsibility",
    entityId: responsibility.id,
    diff: {
      systemId: responsibility.systemId,
      domainKey: responsibility.domainKey,
      derivedValue: responsibility.derivedValue,
      value: { from: responsibility.value, to: value },
      overrideValue: { from: responsibility.overrideValue, to: input.value },
      justification: overridden ? input.justification : null,
      ...(approvalId ? { approvalId } : {}),
      addedDuties: added,
      removedDuties: loss.parts,
      restoredDuties: restored,
    },
  });
  return {
    id: responsibility.id,
    value,
    derivedValue: responsibility.derivedValue,
    overrideValue: input.value,
  };
}

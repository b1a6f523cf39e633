import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import {
  type ApprovalCaller,
  approvalLink,
  assertEligibleApprover,
  callerTokenId,
  describeTarget,
  latestEndDay,
} from "@/lib/server/approvals/approval-rules";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { recordNotifications } from "@/lib/server/notifications/record-notifications";
import type { CreateApprovalInput } from "@/lib/validation/approvals";
import { endOfDay } from "@/lib/validation/responsibilities";

/**
 * Asks an approver to waive a duty (risk acceptance, not applicable) or to override a domain's
 * matrix value. Nothing about the duty changes: it stays a gap until the approver approves. The
 * approver must be an active admin or owner other than the requester; the end date lies after
 * today and no later than the workspace's maximum. A second pending request for the same duty (or
 * domain, for overrides) and kind is refused with 409: the first must be decided or cancelled, so
 * an approver never sees two competing versions. The workspace lock of the transaction makes that
 * check safe against two requests sent at once.
 */
export async function createApprovalRequest({
  workspaceId,
  caller,
  input,
  now = new Date(),
}: {
  workspaceId: string;
  caller: ApprovalCaller;
  input: CreateApprovalInput;
  now?: Date;
}) {
  return workspaceTransaction(workspaceId, "createApprovalRequest", async (tx) => {
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { maxApprovalMonths: true },
    });
    const latest = latestEndDay(now, workspace.maxApprovalMonths);
    const endsAt = endOfDay(input.endsAt);
    if (endsAt.getTime() <= now.getTime())
      throw ValidationError.forField("endsAt", "The end date must be after today.");
    if (input.endsAt > latest)
      throw ValidationError.forField(
        "endsAt",
        `The end date may be at most ${workspace.maxApprovalMonths} months away (${latest} at the latest).`,
      );

    let target: {
      dutyId: string | null;
      responsibilityId: string;
      systemId: string;
      domainKey: string;
      side: "CUSTOMER" | "PROVIDER" | null;
      archived: boolean;
    };
    if (input.kind === "OVERRIDE") {
      const responsibility = await tx.responsibility.findFirst({
        where: { id: input.responsibilityId ?? "", workspaceId },
        select: {
          id: true,
          systemId: true,
          domainKey: true,
          derivedValue: true,
          system: { select: { archivedAt: true } },
        },
      });
      if (!responsibility) throw new NotFoundError("Responsibility not found.");
      if (input.proposedValue === responsibility.derivedValue)
        throw ValidationError.forField(
          "proposedValue",
          "That is the framework's derived value: remove the override instead, no approval needed.",
        );
      target = {
        dutyId: null,
        responsibilityId: responsibility.id,
        systemId: responsibility.systemId,
        domainKey: responsibility.domainKey,
        side: null,
        archived: responsibility.system.archivedAt !== null,
      };
    } else {
      const duty = await tx.duty.findFirst({
        where: { id: input.dutyId ?? "", workspaceId },
        select: {
          id: true,
          responsibilityId: true,
          systemId: true,
          domainKey: true,
          side: true,
          responsibility: { select: { system: { select: { archivedAt: true } } } },
        },
      });
      if (!duty) throw new NotFoundError("Duty not found.");
      target = {
        dutyId: duty.id,
        responsibilityId: duty.responsibilityId,
        systemId: duty.systemId,
        domainKey: duty.domainKey,
        side: duty.side,
        archived: duty.responsibility.system.archivedAt !== null,
      };
    }
    if (target.archived)
      throw new ConflictError("The system is archived. Restore it before changing its duties.");

    if (input.approverId === caller.userId)
      throw ValidationError.forField(
        "approverId",
        "You cannot approve your own request: name another admin or owner.",
      );
    await assertEligibleApprover(tx, { workspaceId, userId: input.approverId });

    const pending = await tx.approvalRequest.findFirst({
      where: {
        workspaceId,
        kind: input.kind,
        status: "PENDING",
        ...(target.dutyId
          ? { dutyId: target.dutyId }
          : { responsibilityId: target.responsibilityId }),
      },
      select: { id: true },
    });
    if (pending)
      throw new ConflictError(
        "A request of this kind for this duty is already waiting for a decision. Cancel it or wait for its decision before asking again.",
        { approvalId: pending.id },
      );

    const row = await tx.approvalRequest.create({
      data: {
        workspaceId,
        kind: input.kind,
        dutyId: target.dutyId,
        responsibilityId: target.responsibilityId,
        systemId: target.systemId,
        domainKey: target.domainKey,
        side: target.side,
        proposedValue: input.kind === "OVERRIDE" ? (input.proposedValue ?? null) : null,
        justification: input.justification,
        requestedById: caller.userId,
        requestedByTokenId: callerTokenId(caller),
        approverId: input.approverId,
        endsAt,
      },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor: caller.actor,
      action: "approval.request",
      entityType: "ApprovalRequest",
      entityId: row.id,
      diff: {
        kind: row.kind,
        dutyId: row.dutyId,
        responsibilityId: row.responsibilityId,
        systemId: row.systemId,
        domainKey: row.domainKey,
        side: row.side,
        proposedValue: row.proposedValue,
        justification: row.justification,
        approverId: row.approverId,
        endsAt: row.endsAt.toISOString(),
      },
    });
    await recordNotifications(tx, workspaceId, [
      {
        userId: row.approverId,
        category: "APPROVAL",
        event: "approval.requested",
        dedupeKey: `approval.requested:${row.id}`,
        title: `Approval requested: ${describeTarget(row)}`,
        body: row.justification,
        link: await approvalLink(tx, row),
        entityType: "ApprovalRequest",
        entityId: row.id,
      },
    ]);
    return { id: row.id, status: row.status };
  });
}

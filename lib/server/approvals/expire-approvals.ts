import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { approvalLink, describeTarget } from "@/lib/server/approvals/approval-rules";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { recordNotifications } from "@/lib/server/notifications/record-notifications";
import { applyResponsibilityOverride } from "@/lib/server/responsibilities/override-responsibility";

/**
 * Ends the approvals of one workspace whose end has come. An exception (NOT_APPLICABLE) puts its
 * duty back to NOT_STARTED and an override is removed (the domain goes back to its derived value,
 * parts re-derived as for any removal), each only while the duty or domain still holds what the
 * approval set; a risk acceptance is left as it is, since coverage stops counting it at its
 * expiry already. Each request becomes EXPIRED, is audited, and the owners of its duties are told
 * (the requester when nobody owns them). Safe to run twice or in two processes at once: the rows
 * are read again under the workspace lock and moved only from APPROVED.
 */
export async function expireApprovals({
  workspaceId,
  now = new Date(),
}: {
  workspaceId: string;
  now?: Date;
}): Promise<number> {
  return workspaceTransaction(workspaceId, "expireApprovals", async (tx) => {
    const due = await tx.approvalRequest.findMany({
      where: { workspaceId, status: "APPROVED", endsAt: { lte: now } },
      orderBy: { endsAt: "asc" },
    });
    for (const row of due) {
      let ownerIds: string[] = [];
      if (row.kind === "OVERRIDE") {
        const responsibility = await tx.responsibility.findFirst({
          where: { id: row.responsibilityId, workspaceId },
          select: { overrideValue: true },
        });
        if (responsibility && responsibility.overrideValue === row.proposedValue) {
          await applyResponsibilityOverride(tx, {
            workspaceId,
            actor: SYSTEM_ACTOR,
            input: { responsibilityId: row.responsibilityId, value: null, justification: null },
            approvalId: row.id,
            acceptLoss: true,
          });
        }
        const duties = await tx.duty.findMany({
          where: { workspaceId, responsibilityId: row.responsibilityId, ownerId: { not: null } },
          select: { ownerId: true },
        });
        ownerIds = duties.map((duty) => duty.ownerId as string);
      } else {
        const duty = await tx.duty.findFirst({
          where: { id: row.dutyId ?? "", workspaceId },
          select: {
            id: true,
            status: true,
            ownerId: true,
            systemId: true,
            domainKey: true,
            side: true,
          },
        });
        if (duty?.ownerId) ownerIds = [duty.ownerId];
        if (duty && row.kind === "NOT_APPLICABLE" && duty.status === "NOT_APPLICABLE") {
          await tx.duty.updateMany({
            where: { id: duty.id, workspaceId },
            data: { status: "NOT_STARTED", justification: null, version: { increment: 1 } },
          });
          await recordAuditEvent(tx, {
            workspaceId,
            actor: SYSTEM_ACTOR,
            action: "responsibility.update",
            entityType: "Duty",
            entityId: duty.id,
            diff: {
              systemId: duty.systemId,
              domainKey: duty.domainKey,
              side: duty.side,
              approvalId: row.id,
              status: { from: "NOT_APPLICABLE", to: "NOT_STARTED" },
            },
          });
        }
      }
      await tx.approvalRequest.updateMany({
        where: { id: row.id, workspaceId, status: "APPROVED" },
        data: { status: "EXPIRED", endedAt: now, endReason: "expired" },
      });
      await recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: "approval.expire",
        entityType: "ApprovalRequest",
        entityId: row.id,
        diff: {
          kind: row.kind,
          dutyId: row.dutyId,
          responsibilityId: row.responsibilityId,
          endsAt: row.endsAt.toISOString(),
          status: { from: "APPROVED", to: "EXPIRED" },
        },
      });
      const recipients = ownerIds.length > 0 ? [...new Set(ownerIds)] : [row.requestedById];
      const link = await approvalLink(tx, row);
      await recordNotifications(
        tx,
        workspaceId,
        recipients.map((userId) => ({
          userId,
          category: "APPROVAL" as const,
          event: "approval.expired",
          dedupeKey: `approval.expired:${row.id}`,
          title: `Approval ended, the duty is a gap again: ${describeTarget(row)}`,
          body: `It ended on ${row.endsAt.toISOString().slice(0, 10)}. Do the work, or request a new approval.`,
          link,
          entityType: "ApprovalRequest",
          entityId: row.id,
        })),
      );
    }
    return due.length;
  });
}

/**
 * Every five minutes: ends the approvals whose end has come, workspace by workspace (one short
 * transaction each). Idempotent (see expireApprovals), so a retry or a second process changes
 * nothing twice and tells nobody twice.
 */
export const approvalsExpireJob = defineJobKind({
  name: "approvals-expire",
  label: "End of approvals past their end date",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 3, retryDelaySeconds: 30, pollSeconds: 10 },
  schedule: { cron: () => "*/5 * * * *", payload: {} },
  handle: async (_payload, { log }) => {
    const now = new Date();
    const workspaces = await db.approvalRequest.findMany({
      where: {
        status: "APPROVED",
        endsAt: { lte: now },
        workspace: { deletionRequestedAt: null },
      },
      distinct: ["workspaceId"],
      select: { workspaceId: true },
    });
    let ended = 0;
    for (const { workspaceId } of workspaces) ended += await expireApprovals({ workspaceId, now });
    if (ended > 0) log.info({ ended }, "approvals ended");
  },
});

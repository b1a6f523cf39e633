import "server-only";

import { holdsWorkspaceLock } from "@/lib/db/transaction";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import { auditKey } from "@/lib/server/audit/audit-key";
import {
  GENESIS_HASH,
  hashAuditEvent,
  sanitiseDiff,
  signAuditHash,
} from "@/lib/server/audit/canonical-event";

/**
 * Appends one event to a workspace's audit chain. Call it with the transaction client of the
 * change it describes, so the event exists exactly when the change does:
 *
 *   await workspaceTransaction(workspaceId, "createSystem", async (tx) => {
 *     const system = await tx.aiSystem.create({ data: { workspaceId, ... } });
 *     await recordAuditEvent(tx, {
 *       workspaceId,
 *       actor: auditActor,                       // from the action/API context (ctx.actor)
 *       action: "system.create",
 *       entityType: "AiSystem",
 *       entityId: system.id,
 *       diff: { name: { to: system.name } },     // changed fields; secrets are stripped anyway
 *     });
 *   });
 *
 * The transaction must hold the workspace's row lock, taken before anything else it wrote
 * (workspaceTransaction or lockWorkspaces, lib/db/transaction.ts, where the lock order is
 * explained); the row also holds the chain head (last seq and hash). So concurrent writers of one
 * workspace append one after the other: seq stays gap-free and each event links the previous.
 * Taking the lock here, at the end of the transaction, is what deadlocked concurrent writers.
 * Each event is also signed with the server's audit key (canonical-event.ts), so rewriting the
 * chain needs more than write access to the database.
 */

export type AuditActor = { type: ActorType; id?: string | null; label: string };

export type AuditEventInput = {
  workspaceId: string;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  diff?: Record<string, unknown>;
};

export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput) {
  if (!holdsWorkspaceLock(tx, input.workspaceId)) {
    throw new Error(
      `recordAuditEvent: lock workspace ${input.workspaceId} first (workspaceTransaction or lockWorkspaces in lib/db/transaction.ts)`,
    );
  }
  // The lock is held already (FOR NO KEY UPDATE again changes nothing); read the head under it.
  const heads = await tx.$queryRaw<{ auditHeadSeq: number; auditHeadHash: string | null }[]>`
    SELECT "auditHeadSeq", "auditHeadHash" FROM "Workspace" WHERE id = ${input.workspaceId}
    FOR NO KEY UPDATE`;
  const head = heads[0];
  if (!head) throw new Error(`recordAuditEvent: workspace ${input.workspaceId} does not exist`);

  const fields = {
    workspaceId: input.workspaceId,
    seq: head.auditHeadSeq + 1,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    diff: sanitiseDiff(input.diff ?? {}),
    // Millisecond precision, like the column, so the hash is recomputable from the stored row.
    createdAt: new Date(),
    prevHash: head.auditHeadHash ?? GENESIS_HASH,
  };
  const hash = hashAuditEvent(fields);
  const event = await tx.auditEvent.create({
    data: {
      ...fields,
      diff: fields.diff as Prisma.InputJsonValue,
      hash,
      mac: signAuditHash(auditKey(), hash),
    },
  });
  // Raw update: the chain head is bookkeeping and must not touch the workspace's updatedAt.
  await tx.$executeRaw`
    UPDATE "Workspace" SET "auditHeadSeq" = ${fields.seq}, "auditHeadHash" = ${hash}
    WHERE id = ${input.workspaceId}`;
  return event;
}

/** The system itself (seed, scheduled jobs). */
export const SYSTEM_ACTOR: AuditActor = { type: "SYSTEM", label: "System" };

import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { sanitiseDiff } from "@/lib/server/audit/canonical-event";

type Client = Prisma.TransactionClient;

/**
 * Records a security event of an account: in the account's own list (shown on its account page,
 * kept even when the user belongs to no workspace) and in the audit log of every workspace the
 * user is a member of, so each workspace's administrators see it too. Call it inside the
 * transaction of the change it describes.
 */
export async function recordAccountEvent(
  tx: Client,
  input: {
    userId: string;
    actor: AuditActor;
    action: string;
    detail?: Record<string, unknown>;
    ipAddress?: string | null;
  },
) {
  const detail = sanitiseDiff(input.detail ?? {}) as Prisma.InputJsonValue;
  await tx.accountEvent.create({
    data: {
      userId: input.userId,
      action: input.action,
      detail,
      ipAddress: input.ipAddress ?? null,
    },
  });
  const memberships = await tx.membership.findMany({
    where: { userId: input.userId },
    select: { workspaceId: true },
    // Workspace rows are locked one by one by recordAuditEvent: a stable order keeps two such
    // transactions from waiting on each other in opposite orders.
    orderBy: { workspaceId: "asc" },
  });
  for (const { workspaceId } of memberships) {
    await recordAuditEvent(tx, {
      workspaceId,
      actor: input.actor,
      action: input.action,
      entityType: "User",
      entityId: input.userId,
      diff: {
        ...(input.detail ?? {}),
        ...(input.ipAddress ? { clientAddress: input.ipAddress } : {}),
      },
    });
  }
}

/** The account's recent security events, newest first (account page). */
export async function listAccountEvents(userId: string, take = 20) {
  return db.accountEvent.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, detail: true, ipAddress: true, createdAt: true },
  });
}

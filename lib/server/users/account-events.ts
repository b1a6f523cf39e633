import "server-only";

import { db } from "@/lib/db/client";
import {
  lockedWorkspaceIds,
  lockWorkspaces,
  retryingTransaction,
  type TransactionOptions,
} from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sanitiseDiff } from "@/lib/server/audit/canonical-event";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

type Client = Prisma.TransactionClient;

/**
 * A transaction of an account whose events reach the audit logs of the user's workspaces (a
 * password change, sessions ended, a deactivation): it locks every workspace the user is a member
 * of before anything else (the lock order of lib/db/transaction.ts: a workspace's writers also
 * end sessions and revoke tokens of its members, so taking those rows before the workspace locks
 * could deadlock with them), then runs `work`; retried as a whole on a deadlock.
 */
export function accountTransaction<T>(
  userId: string,
  name: string,
  work: (tx: Client) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return retryingTransaction(
    name,
    async (tx) => {
      await lockWorkspaces(tx, await membershipWorkspaceIds(tx, userId));
      return work(tx);
    },
    options,
  );
}

async function membershipWorkspaceIds(tx: Client, userId: string): Promise<string[]> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: { workspaceId: true },
    orderBy: { workspaceId: "asc" },
  });
  return memberships.map((m) => m.workspaceId);
}

/**
 * Records a security event of an account: in the account's own list (shown on its account page,
 * kept even when the user belongs to no workspace) and in the audit log of every workspace the
 * user is a member of, so each workspace's administrators see it too. Call it inside the
 * transaction of the change it describes, best an `accountTransaction`: in a transaction that
 * has locked no workspace it locks the user's workspaces itself, all at once in id order. In one
 * that has, a workspace the user joined after those locks were taken is left out (the user was
 * not a member of it when this change began).
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
  let workspaceIds = await membershipWorkspaceIds(tx, input.userId);
  const locked = lockedWorkspaceIds(tx);
  if (locked.size === 0) await lockWorkspaces(tx, workspaceIds);
  else workspaceIds = workspaceIds.filter((id) => locked.has(id));
  for (const workspaceId of workspaceIds) {
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

import "server-only";

import { setTimeout as sleep } from "node:timers/promises";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";

/*
 * The app's write transactions, and the one lock order they follow (docs/architecture-processes.md,
 * "Concurrent writes").
 *
 * Lock order. A transaction that writes a workspace's data takes, in this order:
 *   1. the Workspace row, FOR NO KEY UPDATE, as its FIRST statement (`workspaceTransaction`). A
 *      transaction that writes to several workspaces (an account's events reach every workspace of
 *      the user) locks all of them in one statement, in id order (`lockWorkspaces`), before it
 *      touches any of their rows; rows of the account itself (User, Session, AccountEvent) may
 *      come first, as no workspace transaction waits on them (it takes at most the FOR KEY SHARE
 *      of a foreign key on them, which their updates do not conflict with);
 *   2. then whatever rows its work touches. Every writer of the workspace holds the row of step 1,
 *      so two writers of one workspace never hold row locks at the same time and their order among
 *      rows cannot deadlock; writers of different workspaces share no rows. The coverage triggers
 *      still lock systems in id order (srm_touch_systems), for writers outside these rules;
 *   3. the audit chain head (recordAuditEvent) lives on the row of step 1: already held, so
 *      appending events cannot wait, and the chain stays gap-free in commit order.
 * FOR NO KEY UPDATE, not FOR UPDATE: every INSERT of a row that references the workspace takes
 * FOR KEY SHARE on it for its foreign key check, which FOR UPDATE conflicts with and FOR NO KEY
 * UPDATE does not. The audit chain used to take FOR UPDATE at the END of each transaction; two
 * transactions that had both inserted such a row (two evidence links) then each waited for the
 * other's FOR KEY SHARE: PostgreSQL's deadlock (40P01) under concurrent writes (issue 13).
 *
 * Readers never lock: stored per-system coverage counts are written by whichever reader gets a
 * per-workspace advisory lock without waiting (system-coverage-sql.ts); the others only compute.
 *
 * Retries. PostgreSQL may still abort a transaction with a deadlock (40P01) or, at REPEATABLE READ
 * and above, a serialization failure (40001): row locks outside the rule above (jobs, scripts,
 * foreign keys to shared rows) cannot all be ruled out. Both helpers re-run the WHOLE transaction
 * then, a few times with growing random delays, logging each retry. That is safe only when the
 * work does nothing outside the database before it commits (no file written, object stored,
 * e-mail sent, job woken): a rolled-back attempt then leaves nothing behind, and the next attempt
 * reads the state afresh. Work with such side effects does them after the commit (as every
 * service here does), or passes `retry: false`.
 */

/** Every helper also takes a `name` (before the work) for the log lines of its retries. */
export type TransactionOptions = {
  /** Time to get a connection from the pool (ms). */
  maxWait?: number;
  /** Longest the transaction may stay open, waiting for locks included (ms). */
  timeout?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** False when re-running `work` is not safe (see the top of this file). Default true. */
  retry?: boolean;
};

/** Attempts in all (the first one and up to four retries). */
export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 10;
const MAX_DELAY_MS = 250;
// Prisma's defaults are 2 s and 5 s. Writers of one workspace queue for its row lock inside their
// transaction, so under a burst of writes the wait counts against the timeout.
const DEFAULT_MAX_WAIT_MS = 5_000;
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A write transaction of one workspace: locks the workspace row first (see the lock order above),
 * then runs `work`; retried as a whole on a deadlock or serialization failure.
 */
export function workspaceTransaction<T>(
  workspaceId: string,
  name: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return retryingTransaction(
    name,
    async (tx) => {
      await lockWorkspaces(tx, [workspaceId]);
      return work(tx);
    },
    options,
  );
}

/**
 * A transaction with no workspace lock of its own (account, session and sign-in rows, jobs,
 * storage ledger, global catalogues), retried as a whole on a deadlock or serialization failure.
 * One that then writes a workspace's rows or audit events calls `lockWorkspaces` before that.
 */
export async function retryingTransaction<T>(
  name: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const { retry = true, ...rest } = options;
  const settings = {
    maxWait: rest.maxWait ?? DEFAULT_MAX_WAIT_MS,
    timeout: rest.timeout ?? DEFAULT_TIMEOUT_MS,
    ...(rest.isolationLevel ? { isolationLevel: rest.isolationLevel } : {}),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, settings);
    } catch (error) {
      const code = retryableCode(error);
      if (!code || !retry || attempt >= MAX_ATTEMPTS) throw error;
      // Full jitter: the transactions that collided do not collide again in step.
      const delayMs = Math.round(
        Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt),
      );
      logger.warn(
        { transaction: name, attempt, code, delayMs },
        "transaction aborted by the database (deadlock or serialization failure); running it again",
      );
      await sleep(delayMs);
    }
  }
}

// Workspaces locked by each open transaction (keyed by its client, which lives as long as it).
const lockedWorkspaces = new WeakMap<object, Set<string>>();

/**
 * Locks workspace rows in the transaction (FOR NO KEY UPDATE), all in one statement in id order.
 * A transaction locks its workspaces once, before it writes any of their rows: asking again for
 * workspaces it already holds is a no-op, asking for others afterwards is refused (it would
 * break the lock order). A workspace that does not exist is simply not locked.
 */
export async function lockWorkspaces(
  tx: Prisma.TransactionClient,
  workspaceIds: readonly string[],
): Promise<void> {
  const held = lockedWorkspaces.get(tx);
  const wanted = [...new Set(workspaceIds)].filter((id) => !held?.has(id));
  if (wanted.length === 0) return;
  if (held) {
    throw new Error(
      `lockWorkspaces: this transaction already holds workspace locks; lock every workspace it writes (${[...held, ...wanted].join(", ")}) at once, first`,
    );
  }
  // ORDER BY with COLLATE "C": the same order for every caller whatever the database's locale.
  // The rows are locked as the sorted rows come out, so in that order.
  await tx.$queryRaw`
    SELECT id FROM "Workspace" WHERE id = ANY(${wanted}::text[])
    ORDER BY id COLLATE "C" FOR NO KEY UPDATE`;
  lockedWorkspaces.set(tx, new Set(wanted));
}

/** The workspaces this transaction locked through `lockWorkspaces` (empty: none). */
export function lockedWorkspaceIds(tx: Prisma.TransactionClient): ReadonlySet<string> {
  return lockedWorkspaces.get(tx) ?? new Set();
}

/** Whether this transaction took the workspace's lock through `lockWorkspaces`. */
export function holdsWorkspaceLock(tx: Prisma.TransactionClient, workspaceId: string): boolean {
  return lockedWorkspaces.get(tx)?.has(workspaceId) ?? false;
}

/**
 * "40P01" (deadlock), "40001" (serialization failure) or "P2034" (Prisma's name for either) when
 * the error, or what caused it, is one of those; null otherwise. Prisma reports them in several
 * shapes: P2034 from its query engine, a raw query's P2010 carrying the driver adapter's error, or
 * the adapter's error itself (the SQLSTATE as `code` / `originalCode`, or kind
 * TransactionWriteConflict for 40001).
 */
export function retryableCode(error: unknown): "40P01" | "40001" | "P2034" | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { code?: unknown; driverAdapterError?: unknown };
    };
    for (const code of [record.code, record.originalCode, record.meta?.code]) {
      if (code === "40P01" || code === "40001" || code === "P2034") return code;
    }
    if (record.kind === "TransactionWriteConflict") return "40001";
    current = record.cause ?? record.meta?.driverAdapterError;
  }
  return null;
}

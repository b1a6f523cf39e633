import "server-only";

import { randomUUID } from "node:crypto";

import { fromPrisma } from "pg-boss";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobKind } from "@/lib/server/jobs/job-kind";
import { jobQueue, startedJobQueue, wakeWorkers } from "@/lib/server/jobs/job-queue";

export type EnqueueOptions = {
  /**
   * Send inside this transaction: the job exists exactly when the transaction commits, so a crash
   * between writing a row and queuing its job cannot lose the job (nor queue a job for a row that
   * was rolled back). The queue must be started before the transaction opens (`await jobQueue()`):
   * starting it needs other connections, which the embedded database holds back while a
   * transaction is open.
   */
  tx?: Prisma.TransactionClient;
  /** Run no earlier than this many seconds from now. */
  delaySeconds?: number;
  /** The job's id (a UUID), when the caller stores it with its own row first. */
  id?: string;
};

/**
 * Queues one job of `kind` and returns its id (a UUID). The payload is checked against the kind's
 * schema first.
 */
export async function enqueueJob<P>(
  kind: JobKind<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<string> {
  const data = kind.payload.parse(payload) as object;
  const boss = options.tx ? startedJobQueue() : await jobQueue();
  if (!boss) {
    throw new Error(
      `enqueueJob(${kind.name}) in a transaction needs a started job queue: await jobQueue() before the transaction.`,
    );
  }
  const id = options.id ?? randomUUID();
  await boss.send(kind.name, data, {
    id,
    ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
    ...(options.tx ? { db: fromPrisma(options.tx) } : {}),
  });
  // In a transaction the job is invisible until the commit: the caller wakes the workers then.
  if (!options.tx && !options.delaySeconds) wakeWorkers(kind.name);
  return id;
}

/**
 * Queues one job of `kind` per payload in one statement (a fan-out, e.g. one snapshot job per
 * workspace); returns how many were queued.
 */
export async function enqueueJobs<P>(kind: JobKind<P>, payloads: readonly P[]): Promise<number> {
  if (payloads.length === 0) return 0;
  const data = payloads.map((payload) => kind.payload.parse(payload) as object);
  const boss = await jobQueue();
  await boss.insert(
    kind.name,
    data.map((item) => ({ data: item })),
  );
  wakeWorkers(kind.name);
  return data.length;
}

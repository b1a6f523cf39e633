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
};

/**
 * Queues one job of `kind` and returns its id (a UUID, chosen here so the caller can store it with
 * its own row in the same transaction). The payload is checked against the kind's schema first.
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
  const id = randomUUID();
  await boss.send(kind.name, data, {
    id,
    ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
    ...(options.tx ? { db: fromPrisma(options.tx) } : {}),
  });
  // In a transaction the job is invisible until the commit: the caller wakes the workers then.
  if (!options.tx && !options.delaySeconds) wakeWorkers(kind.name);
  return id;
}

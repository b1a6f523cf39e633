import "server-only";

import { type JobResult, type JobWithMetadata, PgBoss } from "pg-boss";

import { JOB_SCHEMA } from "@/lib/db/job-schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { briefError, createRepeatLimiter } from "@/lib/log/repeat-limiter";
import {
  type AnyJobKind,
  DEFAULT_POLICY,
  type JobPolicy,
  queueOptions,
  workOptions,
} from "@/lib/server/jobs/job-kind";
import { runJob } from "@/lib/server/jobs/run-job";

/*
 * The job queue of this process: one pg-boss instance on the app's database. A process either
 * only sends jobs (a web process with JOBS_IN_PROCESS=false, tests, command-line tools) or also
 * works them and runs the cron pass (the app by default, `npm run worker`). Every process creates
 * the queues of all job kinds at start (idempotent), so sending never waits on another process.
 *
 * pg-boss options chosen here, and why:
 * - supervise every 10 s (monitor and maintenance claims are per queue and per interval, so one
 *   process does each pass whatever the number of processes): a job whose process died has no
 *   heartbeat after its kind's heartbeatSeconds and is failed into a retry at the next pass, so an
 *   interrupted job is running again within about half a minute of any process being up;
 * - each kind's queue gets its retry limit, backoff, timeout and heartbeat from its policy
 *   (job-kind.ts), and the dead letter queue FAILED_JOBS_QUEUE, where a job lands once it failed
 *   for good; its worker records the failure (handle-failed-job.ts).
 * State lives on globalThis because Next.js may load this module more than once in one process.
 */

export const FAILED_JOBS_QUEUE = "failed-jobs";

// Recording a failure is two small writes: retried often, briefly, and never dead-lettered itself.
const FAILED_JOBS_POLICY: JobPolicy = {
  ...DEFAULT_POLICY,
  retries: 10,
  retryDelaySeconds: 5,
  retryDelayMaxSeconds: 600,
  timeoutSeconds: 120,
  pollSeconds: 1,
};

export const SUPERVISE_SECONDS = 10;
const errorRepeats = createRepeatLimiter({ windowMs: 60_000 });
// After stop() gave up waiting and failed the jobs still running, their handlers are aborted and
// get this long to put their rows back (e.g. an export returns to QUEUED) before the process ends.
const RELEASE_GRACE_MS = 3_000;

type QueueState = {
  boss?: PgBoss;
  starting?: Promise<PgBoss>;
  working: boolean;
  workersStarted?: boolean;
  kinds?: readonly AnyJobKind[];
  /** pg-boss worker ids per queue, to wake this process's workers when it sends a job. */
  workerIds: Map<string, string>;
  startedAt?: Date;
  stopping: boolean;
  inFlight: Set<Promise<unknown>>;
  lastError?: { message: string; at: Date };
};

const holder = globalThis as unknown as { __srmJobQueue?: QueueState };
const state: QueueState = (holder.__srmJobQueue ??= {
  working: false,
  stopping: false,
  inFlight: new Set(),
  workerIds: new Map(),
});

export type JobQueueStatus = {
  /** Started and not stopping: jobs can be sent (and, when `working`, are worked here). */
  running: boolean;
  /** This process runs workers and the cron pass. */
  working: boolean;
  startedAt: string | null;
  /** Jobs this process is running right now. */
  activeJobs: number;
  /** The last error pg-boss reported (e.g. the database was unreachable), if any, and when. */
  lastError: string | null;
  lastErrorAt: string | null;
};

/** For readiness checks: cheap, synchronous, no database round trip. */
export function jobQueueStatus(): JobQueueStatus {
  return {
    running: Boolean(state.boss) && !state.starting && !state.stopping,
    working: state.working,
    startedAt: state.startedAt?.toISOString() ?? null,
    activeJobs: state.inFlight.size,
    lastError: state.lastError?.message ?? null,
    lastErrorAt: state.lastError?.at.toISOString() ?? null,
  };
}

/**
 * Starts this process's queue: connects, installs or upgrades pg-boss's schema, creates every
 * kind's queue and, with `work`, starts the workers and declares the schedules. Calling it again
 * is harmless; `work: true` on a sending-only queue adds the workers.
 */
export async function startJobQueue({
  work,
  kinds,
}: {
  work: boolean;
  /** The job kinds to serve; the registry's by default (tests pass their own). */
  kinds?: readonly AnyJobKind[];
}): Promise<void> {
  if (state.stopping) throw new Error("The job queue is stopping.");
  if (kinds) state.kinds = kinds;
  let boss = await (state.starting ?? (state.boss ? Promise.resolve(state.boss) : boot(work)));
  if (work && !state.working) {
    // A sending-only instance has no cron pass (pg-boss decides that at construction): replace it.
    // It runs no handlers, so nothing is in flight.
    if (state.boss === boss) state.boss = undefined;
    await boss.stop({ graceful: false, close: true });
    boss = await boot(true);
  }
  if (work && !state.workersStarted) {
    state.workersStarted = true;
    await startWorkers(boss);
  }
}

/** The started queue, starting a sending-only one on first use (tests, command-line tools). */
export async function jobQueue(): Promise<PgBoss> {
  if (state.stopping) throw new Error("The job queue is stopping; no new jobs are accepted.");
  if (state.boss && !state.starting) return state.boss;
  return state.starting ?? boot(false);
}

/** The started queue if there is one: for sending inside a transaction, which must not wait. */
export function startedJobQueue(): PgBoss | null {
  return state.boss && !state.starting && !state.stopping ? state.boss : null;
}

function boot(work: boolean): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: JOB_SCHEMA,
    max: 5,
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
    // A cron pass every 15 s (claimed by one process per interval) rather than 30: a schedule
    // declared at start is seen sooner, and an occurrence is due for 60 s, so every one is sent.
    cronMonitorIntervalSeconds: 15,
    // The cron pass (turning schedules into jobs, one process per occurrence) runs where jobs do.
    schedule: work,
    openTelemetry: { enabled: false },
  });
  boss.on("error", (error: Error) => {
    state.lastError = { message: error.message, at: new Date() };
    // While the database is away every worker's poll fails: one short line per kind of error and
    // minute, with the count of those held back.
    const brief = briefError(error);
    // pg-boss names the failing worker in the message ("… (Queue: x, Worker: id)"); the same
    // outage reaches every worker, so the key leaves that out.
    const cause = brief.message.replace(/\s*\(Queue: [^)]*\)$/, "");
    const decision = errorRepeats(`${brief.code ?? ""} ${cause}`);
    if (decision.log) {
      logger.error(
        { failure: brief, ...(decision.suppressed > 0 ? { repeated: decision.suppressed } : {}) },
        "job queue error",
      );
    }
  });
  boss.on("warning", (warning: { message: string; data?: object }) =>
    logger.warn({ detail: warning.data }, `job queue: ${warning.message}`),
  );
  state.boss = boss;
  state.starting = (async () => {
    try {
      await boss.start();
      await createQueues(boss);
      state.startedAt = new Date();
      state.working = work;
      state.lastError = undefined;
      return boss;
    } catch (error) {
      state.boss = undefined;
      await boss.stop({ graceful: false }).catch(() => {});
      throw error;
    } finally {
      state.starting = undefined;
    }
  })();
  return state.starting;
}

/** The kinds this process serves (the registry, loaded late: its kinds import the services). */
async function servedKinds(): Promise<readonly AnyJobKind[]> {
  state.kinds ??= (await import("@/lib/server/jobs/registry")).JOB_KINDS;
  return state.kinds;
}

async function createQueues(boss: PgBoss): Promise<void> {
  // The dead letter queue first: a queue naming it must find it.
  await boss.createQueue(FAILED_JOBS_QUEUE, queueOptions(FAILED_JOBS_POLICY));
  for (const kind of await servedKinds()) {
    const options = queueOptions(kind.policy, FAILED_JOBS_QUEUE);
    await boss.createQueue(kind.name, options);
    // createQueue keeps an existing queue as it was; a changed policy must reach it too (all but
    // the queue policy, which pg-boss fixes at creation).
    const changeable: Partial<typeof options> = { ...options };
    delete changeable.policy;
    await boss.updateQueue(kind.name, changeable);
  }
}

async function startWorkers(boss: PgBoss): Promise<void> {
  const { handleFailedJob } = await import("@/lib/server/jobs/handle-failed-job");
  const kinds = await servedKinds();
  for (const kind of kinds) {
    const id = await boss.work(kind.name, workOptions(kind.policy), ([job]) =>
      track(runJob(kind, job as JobWithMetadata<unknown>)),
    );
    state.workerIds.set(kind.name, id);
  }
  await boss.work(FAILED_JOBS_QUEUE, workOptions(FAILED_JOBS_POLICY), async ([job]) => {
    const failed = job as JobWithMetadata<unknown>;
    await track(handleFailedJob(failed, kinds));
    return [{ id: failed.id, status: "completed" }] satisfies JobResult[];
  });
  await declareSchedules(boss, kinds);
}

/**
 * Wakes this process's worker of `kindName` now instead of at its next poll (a job was just sent;
 * after the commit when it was sent in a transaction). Workers of other processes find it at their
 * next poll.
 */
export function wakeWorkers(kindName: string): void {
  const id = state.workerIds.get(kindName);
  if (id && state.boss && !state.stopping) state.boss.notifyWorker(id);
}

/** Whether this process's queue is up and serves job kind `kindName` (its queue exists). */
export function servesJobKind(kindName: string): boolean {
  return startedJobQueue() !== null && Boolean(state.kinds?.some((kind) => kind.name === kindName));
}

/** Schedules of the registry, declared by every working process (an upsert); stale ones go. */
async function declareSchedules(boss: PgBoss, kinds: readonly AnyJobKind[]): Promise<void> {
  const scheduled = new Set<string>();
  for (const kind of kinds) {
    if (!kind.schedule) continue;
    const cron = kind.schedule.cron();
    try {
      boss.previewSchedule(cron, { count: 1 });
    } catch (error) {
      throw new Error(
        `The schedule of job kind "${kind.name}" is not a valid cron expression ("${cron}"): ${(error as Error).message}`,
      );
    }
    await boss.schedule(kind.name, cron, kind.payload.parse(kind.schedule.payload), {
      tz: "UTC",
      missed: kind.schedule.missed ?? "skip",
    });
    scheduled.add(kind.name);
  }
  for (const schedule of await boss.getSchedules()) {
    if (!scheduled.has(schedule.name)) await boss.unschedule(schedule.name, schedule.key);
  }
}

function track<T>(work: Promise<T>): Promise<T> {
  state.inFlight.add(work);
  const done = () => state.inFlight.delete(work);
  work.then(done, done);
  return work;
}

/**
 * Stops taking jobs, waits up to `timeoutSeconds` for the running ones to finish, then fails the
 * rest into a retry (another process picks them up after the kind's retry delay) and gives their
 * handlers a moment to release what they held. Sending is refused from the start of the stop.
 */
export async function stopJobQueue({
  timeoutSeconds = env().JOBS_STOP_TIMEOUT_SECONDS,
}: { timeoutSeconds?: number } = {}): Promise<void> {
  const boss = state.boss;
  if (!boss || state.stopping) return;
  state.stopping = true;
  try {
    await state.starting?.catch(() => {});
    await boss.stop({ graceful: true, timeout: timeoutSeconds * 1000, close: true });
    const settled = Promise.allSettled([...state.inFlight]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, RELEASE_GRACE_MS))]);
  } finally {
    state.boss = undefined;
    state.working = false;
    state.workersStarted = false;
    state.kinds = undefined;
    state.workerIds.clear();
    state.startedAt = undefined;
    state.stopping = false;
  }
}

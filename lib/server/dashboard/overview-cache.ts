import "server-only";

import { db } from "@/lib/db/client";

/*
 * The overview runs several aggregates over every part of the workspace; on a large workspace
 * that is far more than a page view should cost, and dashboards are read much more often than
 * coverage changes. So the computed overview is kept per process under the workspace's revision:
 * its latest audit sequence number (every change of systems, duties, evidence and links writes
 * an audit event in the same transaction), plus a one-minute time bucket, because coverage also
 * changes with time alone (evidence and risk acceptances expire).
 *
 * A team at work changes the revision many times a second. Recomputing on every change would
 * make each reader after each write pay for the whole overview, and the readers would queue
 * behind one another. Instead the overview has a bounded staleness:
 * - a value computed for the current revision and minute is served as it is;
 * - while a refresh is under way (at most one per workspace and process), the previous value is
 *   served: the refresh will show the change;
 * - otherwise a value whose computation began at most MAX_STALENESS_MS ago is still served while
 *   a refresh starts in the background;
 * - an older value is not served when no refresh is running: the request starts one and waits.
 * A committed write therefore shows on every overview served later than about two computations
 * (or MAX_STALENESS_MS plus one) after it, and one process computes a workspace's overview one
 * at a time however many requests and writes arrive, so readers never queue behind it.
 */

export const MAX_STALENESS_MS = 1_000;
const BUCKET_MS = 60_000;
const LIMIT = 200;

type Computation = {
  revision: number;
  bucket: number;
  /** When the computation began (ms): everything committed before it is in the value. */
  startedAt: number;
  value: Promise<unknown>;
};
type Entry = {
  /** The latest computation that succeeded. */
  done?: Computation;
  /** The computation under way, if any. */
  running?: Computation;
};
const entries = new Map<string, Entry>();

async function revisionOf(workspaceId: string): Promise<number> {
  const rows = await db.$queryRaw<{ seq: number | null }[]>`
    SELECT "auditHeadSeq" AS seq FROM "Workspace" WHERE id = ${workspaceId}`;
  return rows[0]?.seq ?? 0;
}

/**
 * The cached value of `name` for the workspace (see the comment above for when it is computed
 * afresh). `compute(background)`: `background` is true when nobody waits for the result, so it
 * should go easy on the database (and the connection pool) that the requests being served need.
 */
export async function cachedPerRevision<T>(input: {
  workspaceId: string;
  /** Distinguishes several cached values of one workspace (e.g. "overview"). */
  name: string;
  compute: (background: boolean) => Promise<T>;
  now?: Date;
}): Promise<T> {
  const clock = Date.now();
  const bucket = Math.floor((input.now ?? new Date(clock)).getTime() / BUCKET_MS);
  const id = `${input.name}:${input.workspaceId}`;
  const revision = await revisionOf(input.workspaceId);
  const entry = entries.get(id) ?? {};
  touch(id, entry);

  const { done, running } = entry;
  if (done && done.revision === revision && done.bucket === bucket) return done.value as Promise<T>;
  const recent = (c: Computation | undefined) =>
    c !== undefined && clock - c.startedAt <= MAX_STALENESS_MS;

  // A refresh under way will show whatever changed: meanwhile the previous value is served, so
  // requests never queue behind a computation that is slow under load.
  if (done && running) return done.value as Promise<T>;
  if (done && recent(done)) {
    start(id, entry, { revision, bucket, startedAt: clock }, input.compute, true);
    return done.value as Promise<T>;
  }
  // Nothing has been computed yet: wait for the first computation rather than start another
  // (on a large workspace it takes seconds, and every request meanwhile would add one).
  if (running) return running.value as Promise<T>;
  return start(id, entry, { revision, bucket, startedAt: clock }, input.compute, false)
    .value as Promise<T>;
}

function start<T>(
  id: string,
  entry: Entry,
  at: Omit<Computation, "value">,
  compute: (background: boolean) => Promise<T>,
  background: boolean,
): Computation {
  const computation: Computation = { ...at, value: compute(background) };
  entry.running = computation;
  computation.value.then(
    () => {
      // An older computation that ends after a newer one must not replace it.
      if (!entry.done || entry.done.startedAt <= computation.startedAt) entry.done = computation;
      if (entry.running === computation) entry.running = undefined;
    },
    () => {
      // A failed computation is never served again; the next request tries afresh.
      if (entry.running === computation) entry.running = undefined;
    },
  );
  return computation;
}

/** Keeps the most recently used LIMIT entries. */
function touch(id: string, entry: Entry) {
  entries.delete(id);
  entries.set(id, entry);
  if (entries.size > LIMIT) entries.delete(entries.keys().next().value as string);
}

import "server-only";

import { db } from "@/lib/db/client";

/*
 * The overview runs several aggregates over every part of the workspace; on a large workspace
 * that is far more than a page view should cost, and dashboards are read much more often than
 * coverage changes. So the computed overview is kept per process under a key that changes with
 * every change to the workspace: the workspace's latest audit sequence number (every mutation of
 * systems, duties, evidence and links writes an audit event in the same transaction), plus a
 * one-minute time bucket, because coverage also changes with time alone (evidence and risk
 * acceptances expire). Concurrent requests for the same key share one computation.
 */

const BUCKET_MS = 60_000;
const LIMIT = 200;
type Entry = { revision: number; bucket: number; value: Promise<unknown>; refreshing: boolean };
const entries = new Map<string, Entry>();

async function revisionOf(workspaceId: string): Promise<number> {
  const rows = await db.$queryRaw<{ seq: number | null }[]>`
    SELECT max(seq)::int AS seq FROM "AuditEvent" WHERE "workspaceId" = ${workspaceId}`;
  return rows[0]?.seq ?? 0;
}

/**
 * A change (new revision) is always computed afresh before answering. When only the minute moved
 * on, the previous result is served while one refresh runs in the background, so time-driven
 * expiries show at most a minute late and no request waits for them.
 */
export async function cachedPerRevision<T>(input: {
  workspaceId: string;
  /** Distinguishes several cached values of one workspace (e.g. "overview"). */
  name: string;
  /**
   * `background` is true for the minute's refresh, which nobody waits for: it should go easy on
   * the database (and its connection pool) that the requests being served need meanwhile.
   */
  compute: (background: boolean) => Promise<T>;
  now?: Date;
}): Promise<T> {
  const now = input.now ?? new Date();
  const id = `${input.name}:${input.workspaceId}`;
  const revision = await revisionOf(input.workspaceId);
  const bucket = Math.floor(now.getTime() / BUCKET_MS);
  const hit = entries.get(id);
  if (hit && hit.revision === revision) {
    if (hit.bucket !== bucket && !hit.refreshing) {
      hit.refreshing = true;
      const next = input.compute(true);
      next.then(
        () => {
          if (entries.get(id) === hit)
            store(id, { revision, bucket, value: next, refreshing: false });
        },
        () => {
          hit.refreshing = false;
        },
      );
    }
    return hit.value as Promise<T>;
  }
  const value = input.compute(false);
  store(id, { revision, bucket, value, refreshing: false });
  // A failed computation must not be served again.
  value.catch(() => {
    if (entries.get(id)?.value === value) entries.delete(id);
  });
  return value;
}

function store(id: string, entry: Entry) {
  entries.delete(id);
  entries.set(id, entry);
  if (entries.size > LIMIT) entries.delete(entries.keys().next().value as string);
}

import "server-only";

import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { STALE_AFTER_MS } from "@/lib/server/storage/pending-objects";
import { type StorageArea, storageFor } from "@/lib/storage/evidence-storage";
import {
  IncompleteListingUnsupportedError,
  type ListedObject,
  type ObjectStorage,
} from "@/lib/storage/storage";

const AREAS: StorageArea[] = ["EVIDENCE", "EXPORTS", "REPORTS"];
const BATCH = 100;

export type AreaSweep = {
  area: StorageArea;
  /** Objects of ledger entries whose writer died or gave up (uploads, bundles, purges). */
  pendingDeleted: number;
  /** Temporary files / unfinished multipart uploads nobody is writing any more. */
  incompleteAborted: number;
  /** Objects with neither an owning row nor a ledger entry (left by older versions). */
  orphansDeleted: number;
  /** False when the S3 server cannot list unfinished uploads (it must expire them itself). */
  incompleteListed: boolean;
  failures: number;
};

/**
 * The storage sweep (a scheduled job). For each area, in this order:
 * 1. ledger entries not refreshed for STALE_AFTER_MS: claim (so the owning row can no longer adopt
 *    the object), delete the object, drop the entry;
 * 2. unfinished uploads (local `tmp/*.part`, S3 multipart uploads) idle that long and not under a
 *    live ledger entry: remove them;
 * 3. finished objects older than that with no owning row and no ledger entry: delete them.
 * Every step is idempotent, so concurrent or repeated sweeps on several processes are harmless.
 */
export async function sweepStorage({
  now = new Date(),
  staleAfterMs = STALE_AFTER_MS,
  storages,
}: {
  now?: Date;
  staleAfterMs?: number;
  /** Tests pass drivers of their own; the app uses the configured ones. */
  storages?: Partial<Record<StorageArea, ObjectStorage>>;
} = {}): Promise<AreaSweep[]> {
  const cutoff = new Date(now.getTime() - staleAfterMs);
  const results: AreaSweep[] = [];
  for (const area of AREAS) {
    const storage = storages?.[area] ?? storageFor(area);
    const result: AreaSweep = {
      area,
      pendingDeleted: 0,
      incompleteAborted: 0,
      orphansDeleted: 0,
      incompleteListed: true,
      failures: 0,
    };
    await sweepPending({ area, storage, cutoff, now, result });
    await sweepIncomplete({ area, storage, cutoff, result });
    await sweepOrphans({ area, storage, cutoff, result });
    results.push(result);
  }
  const changed = results.some(
    (r) => r.pendingDeleted + r.incompleteAborted + r.orphansDeleted + r.failures > 0,
  );
  if (changed) logger.info({ sweep: results }, "storage sweep");
  return results;
}

type Step = {
  area: StorageArea;
  storage: ObjectStorage;
  cutoff: Date;
  result: AreaSweep;
};

async function sweepPending({ area, storage, cutoff, now, result }: Step & { now: Date }) {
  let after = "";
  for (;;) {
    const entries = await db.pendingObject.findMany({
      where: { area, touchedAt: { lt: cutoff }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, key: true },
    });
    if (entries.length === 0) return;
    after = entries[entries.length - 1]?.id ?? after;
    for (const entry of entries) {
      // Claim first: from here the writer's adoptObject fails instead of adopting a going object.
      // An entry claimed by a sweep that died meanwhile is taken over as it is.
      await db.pendingObject.updateMany({
        where: { id: entry.id, claimedAt: null },
        data: { claimedAt: now },
      });
      try {
        await storage.delete(entry.key);
      } catch (error) {
        result.failures += 1;
        logger.warn({ err: error, area, key: entry.key }, "sweep could not delete an object");
        continue;
      }
      await db.pendingObject.deleteMany({ where: { id: entry.id } });
      result.pendingDeleted += 1;
    }
  }
}

async function sweepIncomplete({ area, storage, cutoff, result }: Step) {
  try {
    for await (const page of storage.listIncomplete()) {
      const idle = page.filter((upload) => upload.startedAt < cutoff);
      if (idle.length === 0) continue;
      // A fresh entry means its writer is alive (a slow S3 multipart upload started long ago).
      const live = await db.pendingObject.findMany({
        where: { area, key: { in: idle.map((u) => u.key) }, touchedAt: { gte: cutoff } },
        select: { key: true },
      });
      const liveKeys = new Set(live.map((entry) => entry.key));
      for (const upload of idle) {
        if (liveKeys.has(upload.key)) continue;
        try {
          await storage.abortIncomplete(upload);
          result.incompleteAborted += 1;
        } catch (error) {
          result.failures += 1;
          logger.warn({ err: error, area, key: upload.key }, "sweep could not abort an upload");
        }
      }
    }
  } catch (error) {
    if (!(error instanceof IncompleteListingUnsupportedError)) throw error;
    result.incompleteListed = false;
  }
}

async function sweepOrphans({ area, storage, cutoff, result }: Step) {
  for await (const page of storage.list()) {
    const old = page.filter((object) => object.lastModified < cutoff);
    if (old.length === 0) continue;
    const orphans = await findOrphans(area, old);
    for (const key of orphans) {
      try {
        await storage.delete(key);
        result.orphansDeleted += 1;
      } catch (error) {
        result.failures += 1;
        logger.warn({ err: error, area, key }, "sweep could not delete an orphaned object");
      }
    }
  }
}

/**
 * Keys of `objects` that neither a row nor a ledger entry claims. Across workspaces on purpose:
 * storage is shared and keys are random, and only keys are read, never tenant data.
 * Both are read in one snapshot:
 * an object's entry is written before the object exists and removed only in the transaction that
 * writes its owner, so in any one snapshot a live object has at least one of the two.
 */
async function findOrphans(area: StorageArea, objects: ListedObject[]): Promise<string[]> {
  const keys = objects.map((object) => object.key);
  const claimed = await retryingTransaction(
    "findOrphans",
    async (tx) => {
      const pending = await tx.pendingObject.findMany({
        where: { area, key: { in: keys } },
        select: { key: true },
      });
      const owners = await ownersOf(tx, area, keys);
      return new Set([...pending.map((p) => p.key), ...owners.map((o) => o.storageKey ?? "")]);
    },
    { isolationLevel: "RepeatableRead" },
  );
  return keys.filter((key) => !claimed.has(key));
}

/** The rows owning any of `keys` in `area`: evidence files, export bundles, PDF reports. */
function ownersOf(
  tx: Prisma.TransactionClient,
  area: StorageArea,
  keys: string[],
): Promise<{ storageKey: string | null }[]> {
  const where = { storageKey: { in: keys } };
  const select = { storageKey: true } as const;
  switch (area) {
    case "EVIDENCE":
      return tx.evidence.findMany({ where, select });
    case "EXPORTS":
      return tx.exportJob.findMany({ where, select });
    case "REPORTS":
      return tx.reportJob.findMany({ where, select });
  }
}

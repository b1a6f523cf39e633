import "server-only";

import type { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { type StorageArea, storageFor } from "@/lib/storage/evidence-storage";
import { newObjectKey, type ObjectStorage, type StoredObject } from "@/lib/storage/storage";

/*
 * The pending-objects ledger (model PendingObject) keeps one invariant through crashes at any
 * moment: every stored object is owned by exactly one row (Evidence.storageKey,
 * ExportJob.storageKey) or has a ledger entry. Writers record the key BEFORE the first byte and
 * remove the entry in the same transaction that inserts the owning row (adoptObject); removals
 * add an entry in the transaction that clears the row's key (releaseObject). The storage sweep
 * (sweep-storage.ts) deletes the objects of entries nobody refreshes any more.
 */

/** How often a writer refreshes its entry while bytes flow. */
export const HEARTBEAT_MS = 60_000;
/** An entry not refreshed for this long belongs to a dead or stuck writer; the sweep takes it. */
export const STALE_AFTER_MS = 10 * 60_000;

/**
 * Writes a new object under a ledger entry. On failure the object and the entry are removed
 * (or, if storage cannot be reached, the entry is left for the sweep) and this rejects.
 */
export async function writeObject({
  area,
  source,
  maxBytes,
  storage = storageFor(area),
}: {
  area: StorageArea;
  source: Readable | AsyncIterable<Uint8Array>;
  maxBytes: number;
  storage?: ObjectStorage;
}): Promise<StoredObject> {
  const key = newObjectKey();
  await db.pendingObject.create({ data: { area, key } });
  const heartbeat = setInterval(() => {
    db.pendingObject
      .updateMany({ where: { area, key, claimedAt: null }, data: { touchedAt: new Date() } })
      .catch((error: unknown) => logger.warn({ err: error, area, key }, "ledger heartbeat failed"));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await storage.put(key, source, { maxBytes });
  } catch (error) {
    await discardObject({ area, key, storage });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Call inside the transaction that inserts the row owning `key`. Fails (rolling the row back) when
 * the sweep already claimed the object because its writer looked dead: then the bytes are going.
 */
export async function adoptObject(
  tx: Prisma.TransactionClient,
  { area, key }: { area: StorageArea; key: string },
): Promise<void> {
  const removed = await tx.pendingObject.deleteMany({ where: { area, key, claimedAt: null } });
  if (removed.count !== 1) {
    throw new ConflictError(
      "The file was stored too slowly and has been cleaned up meanwhile. Please upload it again.",
    );
  }
}

/** Call inside the transaction that clears a row's key; then discardObject after the commit. */
export async function releaseObject(
  tx: Prisma.TransactionClient,
  { area, key }: { area: StorageArea; key: string },
): Promise<void> {
  // Created already stale: if this process dies before discardObject, the next sweep deletes it.
  await tx.pendingObject.upsert({
    where: { area_key: { area, key } },
    create: { area, key, touchedAt: new Date(0) },
    update: { touchedAt: new Date(0) },
  });
}

/**
 * Deletes an object that no row owns, then its ledger entry. If storage cannot be reached the
 * entry stays (marked stale) and the sweep retries; this never throws.
 */
export async function discardObject({
  area,
  key,
  storage = storageFor(area),
}: {
  area: StorageArea;
  key: string;
  storage?: ObjectStorage;
}): Promise<boolean> {
  try {
    await storage.delete(key);
  } catch (error) {
    logger.warn({ err: error, area, key }, "could not delete an unowned object; the sweep will");
    await db.pendingObject
      .updateMany({ where: { area, key }, data: { touchedAt: new Date(0) } })
      .catch(() => undefined);
    return false;
  }
  await db.pendingObject.deleteMany({ where: { area, key } }).catch((error: unknown) => {
    // The object is gone; a leftover entry only makes the sweep delete nothing once more.
    logger.warn({ err: error, area, key }, "could not remove a ledger entry");
  });
  return true;
}

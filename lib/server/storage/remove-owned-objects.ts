import "server-only";

import { retryingTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { discardObject, releaseObject } from "@/lib/server/storage/pending-objects";
import type { StorageArea } from "@/lib/storage/evidence-storage";

const BATCH = 200;

/**
 * Deletes every object owned by a set of rows, keeping the ledger invariant: in one transaction
 * per batch the rows lose their keys (`clear`) and the keys get pending-objects entries, then the
 * objects are deleted. A crash or an unreachable store in between leaves entries that the storage
 * sweep finishes; never an object without an owner. `next` returns up to `take` rows that still
 * hold a key (it must stop returning a row once `clear` ran for it). Returns the keys handled.
 */
export async function removeOwnedObjects({
  area,
  next,
  clear,
}: {
  area: StorageArea;
  next: (take: number) => Promise<{ id: string; storageKey: string | null }[]>;
  clear: (tx: Prisma.TransactionClient, ids: string[]) => Promise<unknown>;
}): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = (await next(BATCH)).filter((row) => row.storageKey);
    if (rows.length === 0) return removed;
    const keys = rows.map((row) => row.storageKey as string);
    // Rows and ledger only (retried on a deadlock); the object is deleted after the commit.
    await retryingTransaction("removeOwnedObjects", async (tx) => {
      await clear(
        tx,
        rows.map((row) => row.id),
      );
      for (const key of keys) await releaseObject(tx, { area, key });
    });
    for (const key of keys) await discardObject({ area, key });
    removed += keys.length;
  }
}

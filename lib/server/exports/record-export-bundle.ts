import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { adoptObject, discardObject } from "@/lib/server/storage/pending-objects";

/**
 * Marks an export job finished with its bundle: the job row takes the storage key and the
 * bundle's ledger entry is removed in one transaction (see pending-objects.ts). If that fails
 * the bundle is deleted again, so a job never points at a missing bundle and no bundle stays
 * without its job.
 */
export async function recordExportBundle({
  jobId,
  workspaceId,
  storageKey,
  data,
}: {
  jobId: string;
  workspaceId: string;
  storageKey: string;
  data: Omit<Prisma.ExportJobUpdateManyMutationInput, "storageKey">;
}): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      await adoptObject(tx, { area: "EXPORTS", key: storageKey });
      const updated = await tx.exportJob.updateMany({
        where: { id: jobId, workspaceId },
        data: { ...data, storageKey },
      });
      // The job (or its workspace) was deleted meanwhile: its bundle must not stay.
      if (updated.count !== 1) throw new Error(`export job ${jobId} no longer exists`);
    });
  } catch (error) {
    await discardObject({ area: "EXPORTS", key: storageKey });
    throw error;
  }
}

import "server-only";

import { rm } from "node:fs/promises";

import { db } from "@/lib/db/client";

/**
 * Retention: a finished bundle is deleted once its expiresAt (finish + EXPORT_RETENTION_DAYS) has
 * passed. The job row stays, with filePath cleared, so the list can say "expired" instead of
 * silently dropping an export someone may look for. Called when exports are listed or started.
 */
export async function purgeExpiredExports({
  workspaceId,
  now = new Date(),
}: {
  workspaceId: string;
  now?: Date;
}) {
  const expired = await db.exportJob.findMany({
    where: { workspaceId, status: "DONE", filePath: { not: null }, expiresAt: { lt: now } },
    select: { id: true, filePath: true },
  });
  for (const job of expired) {
    if (job.filePath) await rm(job.filePath, { force: true });
    await db.exportJob.updateMany({ where: { id: job.id, workspaceId }, data: { filePath: null } });
  }
  return expired.length;
}

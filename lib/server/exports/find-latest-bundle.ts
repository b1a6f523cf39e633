import "server-only";

import { db } from "@/lib/db/client";

/** The workspace's newest finished bundle still stored, for the deletion page's last download. */
export async function findLatestBundle(workspaceId: string) {
  return db.exportJob.findFirst({
    where: { workspaceId, status: "DONE", filePath: { not: null } },
    orderBy: { finishedAt: "desc" },
    select: { id: true, finishedAt: true },
  });
}

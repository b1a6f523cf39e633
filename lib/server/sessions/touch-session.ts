import "server-only";

import { db } from "@/lib/db/client";

// "Last active" on the account page needs minutes, not milliseconds: the session check reads
// lastSeenAt anyway, and it is written only when older than this, so a busy browser costs one
// small write every few minutes, never one per request.
export const LAST_SEEN_GRANULARITY_MS = 5 * 60_000;

export async function touchSession(sessionId: string, now = new Date()): Promise<void> {
  await db.session.updateMany({
    where: {
      id: sessionId,
      lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_GRANULARITY_MS) },
    },
    data: { lastSeenAt: now },
  });
}

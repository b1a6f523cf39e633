import "server-only";

import { db } from "@/lib/db/client";

/** The user's open sessions, newest first (account page). */
export async function listSessions(userId: string, now = new Date()) {
  return db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      method: true,
      userAgent: true,
      ipAddress: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
    },
  });
}

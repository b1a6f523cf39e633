import "server-only";

import { db } from "@/lib/db/client";
import { generateSessionSecret, hashSessionSecret } from "@/lib/server/sessions/session-secret";

export type SessionMethod = "password" | "sso";

/**
 * Opens a session record for a user who just proved who they are. Returns the secret for the
 * cookie (only its hash is stored) and the record's id.
 */
export async function createSession(input: {
  userId: string;
  method: SessionMethod;
  maxAgeSeconds: number;
  userAgent?: string | null;
  ipAddress?: string | null;
  now?: Date;
}): Promise<{ id: string; secret: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const secret = generateSessionSecret();
  const expiresAt = new Date(now.getTime() + input.maxAgeSeconds * 1000);
  // Housekeeping without a schedule: a user's expired records go when they next sign in (the
  // session check refuses them anyway; this only keeps the table and the account page small).
  await db.session.deleteMany({ where: { userId: input.userId, expiresAt: { lte: now } } });
  const session = await db.session.create({
    data: {
      userId: input.userId,
      tokenHash: hashSessionSecret(secret),
      method: input.method,
      userAgent: input.userAgent?.slice(0, 300) || null,
      ipAddress: input.ipAddress?.slice(0, 100) || null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  return { id: session.id, secret, expiresAt };
}

import "server-only";

import { db } from "@/lib/db/client";

/** The user behind a session, or null when the account is gone or deactivated. */
export async function findActiveUser(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, active: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name };
}

import "server-only";

import { randomBytes } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createWorkspaceInTransaction } from "@/lib/server/workspaces/create-workspace";

export const DEMO_EMAIL = "demo@example.com";
export const DEMO_WORKSPACE_SLUG = "demo";

/**
 * Creates the demo user and "Demo workspace" (slug `demo`) on an empty database only, with a fresh
 * random password that is returned for the launcher to print (it is not stored in clear anywhere).
 */
export async function seedDemoWorkspace(): Promise<
  { created: false } | { created: true; email: string; password: string }
> {
  if ((await db.user.count()) > 0 || (await db.workspace.count()) > 0) return { created: false };
  // Readable but strong: 4 groups of 4 base32-ish characters plus a digit-bearing suffix.
  const password = `demo-${randomBytes(9).toString("base64url")}-7`;
  const passwordHash = await hashPassword(password);
  await retryingTransaction("seedDemoWorkspace", async (tx) => {
    const user = await tx.user.create({
      data: { email: DEMO_EMAIL, name: "Demo User", passwordHash },
    });
    await createWorkspaceInTransaction(tx, {
      ownerId: user.id,
      actor: SYSTEM_ACTOR,
      name: "Demo workspace",
      slug: DEMO_WORKSPACE_SLUG,
    });
  });
  return { created: true, email: DEMO_EMAIL, password };
}

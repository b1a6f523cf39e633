import "server-only";

import { db } from "@/lib/db/client";

/** Workspaces a user belongs to, for the picker and the switcher. */
export async function listUserWorkspaces(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

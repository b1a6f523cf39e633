import "server-only";

import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

/** Who may be named as approver: active admins and owners with an active account, by name. */
export async function listApprovers(workspaceId: string): Promise<{ id: string; label: string }[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId, deactivatedAt: null, user: { active: true } },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows
    .filter((row) => can(row.role, "approval.decide"))
    .map((row) => ({ id: row.user.id, label: row.user.name }));
}

import "server-only";

import { db } from "@/lib/db/client";

export type MemberEntry = { id: string; name: string; email: string; role: string };

/** Members of a workspace by user id (one query), for owner names and pickers. */
export async function memberDirectory(workspaceId: string): Promise<Map<string, MemberEntry>> {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return new Map(
    rows.map((row) => [
      row.user.id,
      { id: row.user.id, name: row.user.name, email: row.user.email, role: row.role },
    ]),
  );
}

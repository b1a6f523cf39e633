import "server-only";

import { db } from "@/lib/db/client";
import {
  DUTY_ROW_SELECT,
  type DutyListRow,
  presentDutyRows,
} from "@/lib/server/responsibilities/list-responsibilities";

export const DUE_GROUPS = ["overdue", "thisWeek", "later", "noDate"] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

const DAY = 24 * 60 * 60 * 1000;
const OPEN_STATUSES = ["NOT_STARTED", "IN_PROGRESS"] as const;

/** Which group a due date falls in, seen from `now` (UTC days; "this week" = the next 7 days). */
export function dueGroupOf(dueDate: Date | null, now: Date): DueGroup {
  if (!dueDate) return "noDate";
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (dueDate.getTime() < today) return "overdue";
  if (dueDate.getTime() < today + 7 * DAY) return "thisWeek";
  return "later";
}

/**
 * The signed-in member's duties on active systems, grouped by due date. By default only open work
 * (not started, in progress); `includeClosed` adds implemented, not applicable and accepted ones.
 * Served by the (workspaceId, ownerId, dueDate) index.
 */
export async function listMyResponsibilities({
  workspaceId,
  userId,
  includeClosed = false,
  now = new Date(),
}: {
  workspaceId: string;
  userId: string;
  includeClosed?: boolean;
  now?: Date;
}) {
  const rows = await db.duty.findMany({
    where: {
      workspaceId,
      ownerId: userId,
      ...(includeClosed ? {} : { status: { in: [...OPEN_STATUSES] } }),
      responsibility: { is: { system: { is: { workspaceId, archivedAt: null } } } },
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: 1000,
    select: DUTY_ROW_SELECT,
  });
  const parts = await presentDutyRows(workspaceId, rows);
  const groups: Record<DueGroup, DutyListRow[]> = {
    overdue: [],
    thisWeek: [],
    later: [],
    noDate: [],
  };
  for (const part of parts) groups[dueGroupOf(part.dueDate, now)].push(part);
  // Critical duties first inside each group, keeping the due-date order otherwise.
  for (const key of DUE_GROUPS) groups[key].sort((a, b) => Number(b.critical) - Number(a.critical));
  return { groups, total: parts.length, truncated: rows.length === 1000 };
}

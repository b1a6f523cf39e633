import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  DUTY_ROW_SELECT,
  presentDutyRows,
} from "@/lib/server/responsibilities/list-responsibilities";
import {
  DUE_GROUPS,
  type DueGroup,
  dueGroupBounds,
  dueGroupOf,
  MY_DUTIES_PAGE_SIZE,
  type MyDutiesQuery,
} from "@/lib/validation/responsibilities";

const OPEN_STATUSES = ["NOT_STARTED", "IN_PROGRESS"] as const;

/**
 * One page of the signed-in member's duties on active systems (My duties): overdue first, then
 * due in the next 7 days, later, and without a date; critical duties first inside each group,
 * then by due date. By default only open work (not started, in progress); `show: "all"` adds
 * implemented, not applicable and accepted ones. `due` keeps one group. Also counts each group,
 * for the filter. The (workspaceId, ownerId, dueDate) index finds the member's duties.
 */
export async function listMyDuties({
  workspaceId,
  userId,
  query,
  now = new Date(),
}: {
  workspaceId: string;
  userId: string;
  query: MyDutiesQuery;
  now?: Date;
}) {
  const { today, weekEnd } = dueGroupBounds(now);
  // Due dates are stored as UTC days in a timestamp without zone: compare with the same.
  const day = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;
  const group = Prisma.sql`CASE WHEN p."dueDate" IS NULL THEN 3
    WHEN p."dueDate" < ${day(today)} THEN 0 WHEN p."dueDate" < ${day(weekEnd)} THEN 1 ELSE 2 END`;
  const conditions = [
    Prisma.sql`p."workspaceId" = ${workspaceId}`,
    Prisma.sql`p."ownerId" = ${userId}`,
  ];
  if (query.show === "open") {
    const open = OPEN_STATUSES.map((status) => Prisma.sql`${status}::"DutyStatus"`);
    conditions.push(Prisma.sql`p.status IN (${Prisma.join(open)})`);
  }
  const from = (extra: Prisma.Sql[]) => Prisma.sql`FROM "Duty" p
    JOIN "AiSystem" s ON s.id = p."systemId" AND s."workspaceId" = ${workspaceId} AND s."archivedAt" IS NULL
    WHERE ${Prisma.join([...conditions, ...extra], " AND ")}`;

  const counted = await db.$queryRaw<{ g: number; n: number }[]>`
    SELECT ${group} AS g, count(*)::int AS n ${from([])} GROUP BY 1`;
  const counts = Object.fromEntries(DUE_GROUPS.map((key) => [key, 0])) as Record<DueGroup, number>;
  for (const row of counted) counts[DUE_GROUPS[row.g]!] = row.n;
  const total = query.due ? counts[query.due] : counted.reduce((sum, row) => sum + row.n, 0);
  const pageCount = Math.max(1, Math.ceil(total / MY_DUTIES_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);

  const ids = await db.$queryRaw<{ id: string }[]>`SELECT p.id
    ${from(query.due ? [Prisma.sql`${group} = ${DUE_GROUPS.indexOf(query.due)}`] : [])}
    ORDER BY ${group}, p.critical DESC, p."dueDate" ASC NULLS LAST, s.name, p."domainKey", p.side, p.id
    LIMIT ${MY_DUTIES_PAGE_SIZE} OFFSET ${(page - 1) * MY_DUTIES_PAGE_SIZE}`;
  const rows = await db.duty.findMany({
    where: { workspaceId, id: { in: ids.map((row) => row.id) } },
    select: DUTY_ROW_SELECT,
  });
  const position = new Map(ids.map((row, index) => [row.id, index]));
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const duties = (await presentDutyRows(workspaceId, rows)).map((duty) => ({
    ...duty,
    dueGroup: dueGroupOf(duty.dueDate, now),
  }));
  return { duties, counts, total, page, pageSize: MY_DUTIES_PAGE_SIZE, pageCount };
}

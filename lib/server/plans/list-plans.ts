import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { overdueSql, plansWithProgressSql } from "@/lib/server/plans/plan-progress-sql";
import type { PlanStatus } from "@/lib/validation/plans";
import type { PlanPage, PlanView } from "@/lib/view/plans/types";

export const PLANS_PAGE_SIZE = 25;

export type PlanFilters = { status?: PlanStatus; ownerId?: string; overdue?: boolean };

export type PlanRow = {
  id: string;
  title: string;
  goal: string | null;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: Date | null;
  status: PlanStatus;
  effectiveStatus: PlanStatus;
  overdue: boolean;
  closingNote: string | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  linked: number;
  total: number;
  covered: number;
};

export function toPlanView(row: PlanRow): PlanView {
  return {
    id: row.id,
    title: row.title,
    goal: row.goal,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    status: row.status,
    effectiveStatus: row.effectiveStatus,
    overdue: row.overdue,
    closingNote: row.closingNote,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    linked: row.linked,
    total: row.total,
    covered: row.covered,
  };
}

/**
 * Plans of the workspace with their progress, filtered on the effective status (a plan whose
 * parts are all covered is DONE, stored or not) and paged: open plans first, soonest due first,
 * then the newest. `planIds`: only these (one plan's page, the bundle).
 */
export async function queryPlans(input: {
  workspaceId: string;
  now?: Date;
  filters?: PlanFilters;
  planIds?: readonly string[];
  limit?: number;
  offset?: number;
}): Promise<{ total: number; rows: PlanRow[] }> {
  const now = input.now ?? new Date();
  const filters = input.filters ?? {};
  const p = plansWithProgressSql({ workspaceId: input.workspaceId, now, planIds: input.planIds });
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (filters.status) conditions.push(Prisma.sql`p."effectiveStatus" = ${filters.status}`);
  if (filters.ownerId) conditions.push(Prisma.sql`p."ownerId" = ${filters.ownerId}`);
  if (filters.overdue !== undefined) conditions.push(Prisma.sql`p.overdue = ${filters.overdue}`);
  const rows = await db.$queryRaw<(PlanRow & { rowCount: number })[]>`
    WITH p AS (
      SELECT q.*, q."effectiveStatus" IN ('OPEN', 'IN_PROGRESS')
          AND ${overdueSql(Prisma.sql`q."dueDate"`, now)} AS overdue
      FROM (${p}) q)
    SELECT p.*, u.name AS "ownerName", count(*) OVER ()::int AS "rowCount"
    FROM p
    LEFT JOIN "Membership" m ON m."userId" = p."ownerId" AND m."workspaceId" = ${input.workspaceId}
    LEFT JOIN "User" u ON u.id = m."userId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY CASE WHEN p."effectiveStatus" IN ('OPEN', 'IN_PROGRESS') THEN 0 ELSE 1 END,
      p."dueDate" ASC NULLS LAST, p."createdAt" DESC, p.id
    LIMIT ${input.limit ?? 1000} OFFSET ${input.offset ?? 0}`;
  // A page past the end has no row to carry the count: ask for the first row only.
  if (rows.length === 0 && (input.offset ?? 0) > 0)
    return { total: (await queryPlans({ ...input, limit: 1, offset: 0 })).total, rows };
  return { total: rows[0]?.rowCount ?? 0, rows };
}

export async function listPlans(input: {
  workspaceId: string;
  now?: Date;
  filters?: PlanFilters;
  page?: number;
  pageSize?: number;
}): Promise<PlanPage> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? PLANS_PAGE_SIZE;
  const result = await queryPlans({
    workspaceId: input.workspaceId,
    now: input.now,
    filters: input.filters,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    total: result.total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(result.total / pageSize)),
    rows: result.rows.map(toPlanView),
  };
}

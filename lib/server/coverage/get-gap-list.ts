import "server-only";

import type { Gap, GapReason } from "@/lib/domain/coverage-reference";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import type { RiskTier } from "@/lib/domain/responsibility";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { partCoverageSql } from "@/lib/server/coverage/part-coverage-sql";

/** Filters of the gaps page; all optional, combined with AND (and with the scope). */
export type GapFilters = {
  reason?: GapReason;
  domain?: string;
  /** The system has this deployment model among its models. */
  model?: string;
  /** The system's risk tier; null selects systems nobody has classified yet. */
  riskTier?: RiskTier | null;
  /** The part's owner; null selects unowned parts. */
  ownerId?: string | null;
  critical?: boolean;
};

export type GapRow = Gap & { ownerName: string | null };
export type GapPage = { total: number; rows: GapRow[] };

function filterSql(filters: GapFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`NOT pc.covered`];
  if (filters.reason !== undefined)
    conditions.push(Prisma.sql`${filters.reason}::text = ANY(pc.reasons)`);
  if (filters.domain !== undefined) conditions.push(Prisma.sql`pc."domainKey" = ${filters.domain}`);
  if (filters.model !== undefined)
    conditions.push(Prisma.sql`pc."deploymentModels" @> ARRAY[${filters.model}]::text[]`);
  if (filters.riskTier === null) conditions.push(Prisma.sql`pc."riskTier" IS NULL`);
  else if (filters.riskTier !== undefined)
    conditions.push(Prisma.sql`pc."riskTier"::text = ${filters.riskTier}`);
  if (filters.ownerId === null) conditions.push(Prisma.sql`pc."ownerId" IS NULL`);
  else if (filters.ownerId !== undefined)
    conditions.push(Prisma.sql`pc."ownerId" = ${filters.ownerId}`);
  if (filters.critical !== undefined)
    conditions.push(Prisma.sql`pc.critical = ${filters.critical}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The reference's `compareGaps` as ORDER BY: critical first; risk tier CRITICAL…LOW, unset last
 * (`riskTierRank`); due date earliest first, none last; then system name, domain key, side and
 * part id compared as code units (COLLATE "C"; the database's locale collation would differ).
 */
const GAP_ORDER = Prisma.sql`
  g.critical DESC,
  CASE g."riskTier" WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2
    WHEN 'LOW' THEN 3 ELSE 4 END,
  g."dueDate" ASC NULLS LAST,
  g."systemName" COLLATE "C", g."domainKey" COLLATE "C", g.side::text COLLATE "C",
  g."partId" COLLATE "C"`;

type GapListInput = {
  workspaceId: string;
  scope?: CoverageScope;
  now?: Date;
  filters?: GapFilters;
  limit?: number;
  offset?: number;
};

/**
 * The gap list's one statement: the filtered gaps are computed once (CTE), counted, and the page
 * is a top-N sort of them (a window count would force a full sort of every gap). The page is
 * re-sorted outside the lateral join (a page of rows) because SQL keeps no order otherwise; a
 * page past the end still returns the total, on a row without a part.
 */
export function gapListSql(input: GapListInput): Prisma.Sql {
  const pc = partCoverageSql({
    workspaceId: input.workspaceId,
    scope: input.scope ?? {},
    now: input.now ?? new Date(),
  });
  return Prisma.sql`
    WITH g AS (SELECT pc.* FROM (${pc}) pc WHERE ${filterSql(input.filters ?? {})})
    SELECT t.total, g."partId", g."responsibilityId", g."systemId", g."systemName", g."domainKey",
      g.side::text AS side, g.critical, g."riskTier"::text AS "riskTier", g."dueDate",
      g."ownerId", u.name AS "ownerName", g.status::text AS status, g.reasons
    FROM (SELECT count(*)::int AS total FROM g) t
    LEFT JOIN LATERAL (
      SELECT * FROM g ORDER BY ${GAP_ORDER} LIMIT ${input.limit ?? 50} OFFSET ${input.offset ?? 0}
    ) g ON true
    -- names joined after the LIMIT: only the page's owners are looked up
    LEFT JOIN "Membership" m ON m."userId" = g."ownerId" AND m."workspaceId" = ${input.workspaceId}
    LEFT JOIN "User" u ON u.id = m."userId"
    ORDER BY ${GAP_ORDER}`;
}

/**
 * Uncovered parts in scope with their reasons, in gap order, one page at a time (default 50),
 * plus the total number of gaps matching the scope and filters.
 */
export async function getGapList(input: GapListInput): Promise<GapPage> {
  type Row = Omit<GapRow, "partId"> & { partId: string | null; total: number };
  const rows = await db.$queryRaw<Row[]>(gapListSql(input));
  const total = rows[0]?.total ?? 0;
  const page = rows.filter((row): row is typeof row & { partId: string } => row.partId !== null);
  return {
    total,
    rows: page.map((row) => ({
      partId: row.partId,
      responsibilityId: row.responsibilityId,
      systemId: row.systemId,
      systemName: row.systemName,
      domainKey: row.domainKey,
      side: row.side,
      critical: row.critical,
      riskTier: row.riskTier,
      dueDate: row.dueDate,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      status: row.status,
      reasons: row.reasons,
    })),
  };
}

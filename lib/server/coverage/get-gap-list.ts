import "server-only";

import { db } from "@/lib/db/client";
import type { Gap, GapReason } from "@/lib/domain/coverage-reference";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { startOfUtcDay } from "@/lib/domain/overdue";
import { type RiskTier, riskTierRank } from "@/lib/domain/responsibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { dutyCoverageSql, sqlInstant } from "@/lib/server/coverage/duty-coverage-sql";
import {
  isSystemLevelScope,
  queryWithSystemCounts,
} from "@/lib/server/coverage/system-coverage-sql";

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
  /**
   * The part's due date has passed (lib/domain/overdue.ts: before the start of `now`'s UTC day);
   * false selects gaps not overdue, no due date included.
   */
  overdue?: boolean;
};

/**
 * The order of the list: "gap" (the reference's `compareGaps`, the default and the only order
 * the property tests compare) or "due": earliest due date first, so the most overdue lead, no
 * due date last, ties in gap order.
 */
export type GapSort = "gap" | "due";

export type GapRow = Gap & { ownerName: string | null };
export type GapPage = { total: number; rows: GapRow[] };

function filterSql(filters: GapFilters, now: Date): Prisma.Sql {
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
  if (filters.overdue !== undefined) {
    const late = Prisma.sql`COALESCE(pc."dueDate" < ${sqlInstant(startOfUtcDay(now))}, false)`;
    conditions.push(filters.overdue ? late : Prisma.sql`NOT ${late}`);
  }
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
  g."dutyId" COLLATE "C"`;

/** The "due" order: due date first (earliest, none last), then the gap order. */
const DUE_ORDER = Prisma.sql`g."dueDate" ASC NULLS LAST, ${GAP_ORDER}`;

function orderOf(sort: GapSort | undefined): Prisma.Sql {
  return sort === "due" ? DUE_ORDER : GAP_ORDER;
}

/**
 * The same order on the part's own columns, exactly as the index "Duty_gap_order_idx"
 * (migration gap_order) stores it, so that PostgreSQL reads parts in this order from the index
 * and stops after the page. The part's copies of critical, the risk tier's rank and the system
 * name equal the values GAP_ORDER reads (triggers keep them so), and the side enum's order
 * (CUSTOMER, PROVIDER) is its labels' code-unit order: both orders are the same.
 */
const INDEX_ORDER = Prisma.sql`
  pc."orderCritical" DESC, pc."orderRiskTierRank", pc."dueDate",
  pc."orderSystemName" COLLATE "C", pc."domainKey" COLLATE "C", pc.side, pc."dutyId" COLLATE "C"`;

/** The columns of a gap row (from `pc`), before the owner's name is joined. */
const GAP_COLUMNS = Prisma.sql`pc."dutyId", pc."responsibilityId", pc."systemId", pc."systemName",
  pc."domainKey", pc.side, pc.critical, pc."riskTier", pc."dueDate", pc."ownerId", pc.status,
  pc.reasons`;

type GapListInput = {
  workspaceId: string;
  scope?: CoverageScope;
  now?: Date;
  filters?: GapFilters;
  sort?: GapSort;
  limit?: number;
  offset?: number;
};

/**
 * Row `g` of a page, with its owner's name (only of a member of this workspace: an owner id never
 * reveals another tenant), re-sorted: SQL keeps no order through the joins otherwise. `t` holds
 * the total and `answered`: whether the statement read the page (see `gapWalkSql`). A page past
 * the end still returns the total, on a row without a part.
 */
function pageSelect(input: {
  workspaceId: string;
  total: Prisma.Sql;
  page: Prisma.Sql;
  order?: Prisma.Sql;
}) {
  return Prisma.sql`
    SELECT t.total, t.answered, g."dutyId", g."responsibilityId", g."systemId", g."systemName",
      g."domainKey", g.side::text AS side, g.critical, g."riskTier"::text AS "riskTier",
      g."dueDate", g."ownerId", u.name AS "ownerName", g.status::text AS status, g.reasons
    FROM ${input.total} t
    LEFT JOIN LATERAL (${input.page}) g ON true
    -- names joined after the LIMIT: only the page's owners are looked up
    LEFT JOIN "Membership" m ON m."userId" = g."ownerId" AND m."workspaceId" = ${input.workspaceId}
    LEFT JOIN "User" u ON u.id = m."userId"
    ORDER BY ${input.order ?? GAP_ORDER}`;
}

/**
 * The gap list by evaluating every part in scope: the filtered gaps are computed once (CTE),
 * counted, and the page is a top-N sort of them (a window count would force a full sort of
 * every gap). Any scope and filters; its cost grows with the parts in scope. Read-only, so
 * PostgreSQL may spread it over parallel workers.
 */
export function gapListSql(input: GapListInput): Prisma.Sql {
  const now = input.now ?? new Date();
  const pc = dutyCoverageSql({ workspaceId: input.workspaceId, scope: input.scope ?? {}, now });
  const g = Prisma.sql`(SELECT ${GAP_COLUMNS} FROM (${pc}) pc WHERE ${filterSql(input.filters ?? {}, now)})`;
  const order = orderOf(input.sort);
  return Prisma.sql`WITH g AS ${g}
    ${pageSelect({
      workspaceId: input.workspaceId,
      total: Prisma.sql`(SELECT count(*)::int AS total, true AS answered FROM g)`,
      page: Prisma.sql`SELECT * FROM g ORDER BY ${order}
        LIMIT ${input.limit ?? 50} OFFSET ${input.offset ?? 0}`,
      order,
    })}`;
}

/**
 * Whether the walk (`gapWalkSql`) can answer: the total must be a sum of stored per-system counts,
 * so the scope and the filters may only select whole systems (deployment model, vendor, risk
 * tier); a reason, domain, owner or critical filter is a property of parts. A list of systems
 * is left to `gapListSql`, which evaluates only their parts (the walk would pass every part of
 * the workspace to find theirs).
 */
export function canWalk(input: {
  scope?: CoverageScope;
  filters?: GapFilters;
  sort?: GapSort;
}): boolean {
  const scope = input.scope ?? {};
  const filters = input.filters ?? {};
  // The walk reads the index in gap order and sums stored per-system counts: another order, or
  // a filter on the part's due date, is left to the statement.
  return (
    (input.sort ?? "gap") === "gap" &&
    filters.overdue === undefined &&
    isSystemLevelScope(scope) &&
    scope.systemIds === undefined &&
    filters.reason === undefined &&
    filters.domain === undefined &&
    filters.ownerId === undefined &&
    filters.critical === undefined
  );
}

/**
 * The walk passes at most about this many parts (the page's end over the share of gaps among the
 * parts it passes); past that, evaluating every part and sorting the gaps is the cheaper plan
 * (about 15 µs per part walked against 3 µs per part evaluated, on the 5,000-system bench).
 */
export const WALK_LIMIT = 5_000;

/**
 * The gap list as a walk, for scopes and filters `canWalk` accepts. Body of a `withSystemCounts`
 * statement (system-coverage-sql.ts), so it reads `counts`, one row per system in scope with
 * its stored or freshly computed counts:
 * - total: the sum of uncovered parts (total − covered) over the systems the filters keep;
 * - page: parts in gap order straight from the part's gap-order index, each evaluated by the one
 *   definition (dutyCoverageSql), until the page is full. The walk passes about (offset + limit)
 *   × parts / gaps rows, known from the counts before the page is read (a one-time filter):
 *   when that exceeds WALK_LIMIT (few gaps, or a deep page) the statement reads no page and says
 *   so (`answered` false), and the caller runs `gapListSql` instead.
 * Total and page are read in one statement, one snapshot, so they always agree. `walk`: tests
 * force the walk (true) whatever the estimate.
 */
export function gapWalkSql(input: GapListInput & { now: Date; walk?: boolean }): Prisma.Sql {
  const scope = input.scope ?? {};
  const filters = input.filters ?? {};
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const pc = dutyCoverageSql({ workspaceId: input.workspaceId, scope, now: input.now });

  // The total over the systems the filters keep; `parts`: the parts those systems hold.
  const systemFilters: Prisma.Sql[] = [Prisma.sql`true`];
  if (filters.model !== undefined)
    systemFilters.push(Prisma.sql`c."deploymentModels" @> ARRAY[${filters.model}]::text[]`);
  if (filters.riskTier !== undefined)
    systemFilters.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "AiSystem" s WHERE s.id = c."systemId"
        AND s."riskTier" IS NOT DISTINCT FROM ${filters.riskTier}::"RiskTier")`,
    );
  // Parts the walk passes: those of the whole workspace once the scope or a model filter keeps
  // only some systems (an estimate from the stored rows, current or not, is enough to choose).
  // A risk tier filter is a condition on the index itself and skips other parts unread.
  const narrowed =
    scope.deploymentModel !== undefined ||
    scope.vendorId !== undefined ||
    filters.model !== undefined;
  const walked = narrowed
    ? Prisma.sql`GREATEST(x.parts, (SELECT COALESCE(sum(sc."totalDuties"), 0)
        FROM "SystemCoverage" sc WHERE sc."workspaceId" = ${input.workspaceId}))`
    : Prisma.sql`x.parts`;
  const worthWalking =
    input.walk === undefined
      ? Prisma.sql`(${offset}::bigint + ${limit}) * ${walked} <= ${WALK_LIMIT}::bigint * x.total`
      : Prisma.sql`${input.walk}`;
  const total = Prisma.sql`(
    SELECT x.total, x.total > ${offset} AND ${worthWalking} AS walk,
      x.total <= ${offset} OR ${worthWalking} AS answered
    FROM (SELECT COALESCE(sum(c."totalDuties" - c."coveredDuties"), 0)::int AS total,
            COALESCE(sum(c."totalDuties"), 0)::bigint AS parts
          FROM counts c WHERE ${Prisma.join(systemFilters, " AND ")}) x)`;

  // The walk filters on the part's copy of the risk tier rank: a condition the index evaluates.
  const walkFilters: Prisma.Sql[] = [Prisma.sql`NOT pc.covered`];
  if (filters.model !== undefined)
    walkFilters.push(Prisma.sql`pc."deploymentModels" @> ARRAY[${filters.model}]::text[]`);
  if (filters.riskTier !== undefined)
    walkFilters.push(Prisma.sql`pc."orderRiskTierRank" = ${riskTierRank(filters.riskTier)}`);
  const page = Prisma.sql`
    SELECT ${GAP_COLUMNS} FROM (${pc}) pc
    WHERE t.walk AND ${Prisma.join(walkFilters, " AND ")}
    ORDER BY ${INDEX_ORDER} LIMIT ${limit} OFFSET ${offset}`;
  return pageSelect({ workspaceId: input.workspaceId, total, page });
}

/**
 * How a page is read: "walk" (the index walk, `gapWalkSql`), "fallback" (`gapWalkSql` finds the
 * walk not worth it, then `gapListSql` reads the page) or "statement" (`gapListSql` alone).
 * Tests force each in turn.
 */
export type GapPath = "walk" | "fallback" | "statement";

let forcedPath: GapPath | null = null;

/**
 * Tests: read every page by this path where it can answer (null: choose as usual). "walk" and
 * "fallback" apply only where `canWalk` holds; elsewhere the statement answers as always.
 */
export function forceGapPathForTests(path: GapPath | null): void {
  forcedPath = path;
}

/**
 * Uncovered parts in scope with their reasons, in gap order, one page at a time (default 50),
 * plus the total number of gaps matching the scope and filters.
 */
export async function getGapList(input: GapListInput): Promise<GapPage> {
  type Row = Omit<GapRow, "dutyId"> & { dutyId: string | null; total: number; answered: boolean };
  const now = input.now ?? new Date();
  let rows: Row[] | null = null;
  if (forcedPath !== "statement" && canWalk(input)) {
    rows = await queryWithSystemCounts<Row>(
      { workspaceId: input.workspaceId, scope: input.scope ?? {}, now },
      gapWalkSql({ ...input, now, walk: forcedPath === null ? undefined : forcedPath === "walk" }),
    );
    // Not worth walking: the statement that sorts every gap reads the page (and the total, in
    // its own snapshot, so that both still agree).
    if (rows[0]?.answered === false) rows = null;
  }
  rows ??= await db.$queryRaw<Row[]>(gapListSql({ ...input, now }));
  const total = rows[0]?.total ?? 0;
  const page = rows.filter((row): row is typeof row & { dutyId: string } => row.dutyId !== null);
  return {
    total,
    rows: page.map((row) => ({
      dutyId: row.dutyId,
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

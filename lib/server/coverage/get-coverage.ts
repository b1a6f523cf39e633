import "server-only";

import { db } from "@/lib/db/client";
import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  EMPTY_SUMMARY,
  SUMMARY_COUNTS,
  SUMMARY_RATES,
  SUMMED_COUNTS,
  toSummary,
} from "@/lib/server/coverage/coverage-summary-sql";
import { dutyCoverageSql } from "@/lib/server/coverage/duty-coverage-sql";
import {
  isSystemLevelScope,
  queryWithSystemCounts,
} from "@/lib/server/coverage/system-coverage-sql";

/**
 * Coverage of one scope (workspace, or narrowed by systems, domains, deployment model, owner,
 * vendor) at instant `now`, in one SQL statement. Same fields and nulls as the reference's
 * `computeCoverage`. A scope of whole systems sums the stored per-system counts
 * (system-coverage-sql.ts, refreshed in the same statement where stale); a domain or owner
 * scope aggregates the parts directly.
 */
export async function getCoverage(input: {
  workspaceId: string;
  scope?: CoverageScope;
  now?: Date;
}): Promise<CoverageSummary> {
  const where = {
    workspaceId: input.workspaceId,
    scope: input.scope ?? {},
    now: input.now ?? new Date(),
  };
  const rows = isSystemLevelScope(where.scope)
    ? await queryWithSystemCounts<CoverageSummary>(
        where,
        Prisma.sql`SELECT ${SUMMARY_RATES} FROM (SELECT ${SUMMED_COUNTS} FROM counts pc) c`,
      )
    : await db.$queryRaw<CoverageSummary[]>`
        SELECT ${SUMMARY_RATES}
        FROM (SELECT ${SUMMARY_COUNTS} FROM (${dutyCoverageSql(where)}) pc) c`;
  return rows[0] ? toSummary(rows[0]) : EMPTY_SUMMARY;
}

export const COVERAGE_GROUPS = ["system", "domain", "deploymentModel", "owner", "vendor"] as const;
export type CoverageGroup = (typeof COVERAGE_GROUPS)[number];

/** Groups whose members are whole systems: the stored per-system counts can answer them. */
const SYSTEM_GROUPS: ReadonlySet<CoverageGroup> = new Set(["system", "deploymentModel", "vendor"]);

/**
 * One group: `key` is the system id, domain key, deployment model key, owner (user) id or vendor
 * id; null collects the parts without an owner / of systems without a vendor. `label` is the
 * system, user or vendor name (null for domains and models, whose names live in the framework).
 */
export type CoverageGroupRow = CoverageSummary & { key: string | null; label: string | null };

function grouping(group: CoverageGroup, workspaceId: string) {
  switch (group) {
    case "system":
      return {
        key: Prisma.sql`pc."systemId"`,
        from: Prisma.empty,
        label: Prisma.sql`(SELECT s.name FROM "AiSystem" s
          WHERE s.id = c.key AND s."workspaceId" = ${workspaceId})`,
      };
    case "domain":
      return { key: Prisma.sql`pc."domainKey"`, from: Prisma.empty, label: Prisma.sql`NULL` };
    case "deploymentModel":
      // A part counts once under each of its system's models (DISTINCT: a model listed twice
      // in the array still counts once, as the reference's `includes`).
      return {
        key: Prisma.sql`dm.model`,
        from: Prisma.sql`CROSS JOIN LATERAL
          (SELECT DISTINCT m AS model FROM unnest(pc."deploymentModels") m) dm`,
        label: Prisma.sql`NULL`,
      };
    case "owner":
      // The name only of a member of this workspace: an owner id never reveals another tenant.
      return {
        key: Prisma.sql`pc."ownerId"`,
        from: Prisma.empty,
        label: Prisma.sql`(SELECT u.name FROM "Membership" m JOIN "User" u ON u.id = m."userId"
          WHERE m."userId" = c.key AND m."workspaceId" = ${workspaceId})`,
      };
    case "vendor":
      return {
        key: Prisma.sql`pc."vendorId"`,
        from: Prisma.empty,
        label: Prisma.sql`(SELECT v.name FROM "Vendor" v
          WHERE v.id = c.key AND v."workspaceId" = ${workspaceId})`,
      };
  }
}

/**
 * Coverage per system, domain, deployment model, owner or vendor: one GROUP BY over the same
 * per-duty rows as `getCoverage`, so each group equals `getCoverage` scoped to it. Groups without
 * parts do not appear. Ordered by key (code-unit order, nulls last).
 */
export async function getCoverageBy(input: {
  workspaceId: string;
  groupBy: CoverageGroup;
  scope?: CoverageScope;
  now?: Date;
}): Promise<CoverageGroupRow[]> {
  const where = {
    workspaceId: input.workspaceId,
    scope: input.scope ?? {},
    now: input.now ?? new Date(),
  };
  const g = grouping(input.groupBy, input.workspaceId);
  const order = Prisma.sql`ORDER BY c.key COLLATE "C" NULLS LAST`;
  // Groups made of whole systems sum the stored per-system counts; a system without parts
  // adds a zero row there, and a group with no parts at all is left out as on the other path.
  const rows =
    SYSTEM_GROUPS.has(input.groupBy) && isSystemLevelScope(where.scope)
      ? await queryWithSystemCounts<CoverageGroupRow>(
          where,
          Prisma.sql`SELECT c.key, ${g.label} AS label, ${SUMMARY_RATES}
          FROM (SELECT ${g.key} AS key, ${SUMMED_COUNTS} FROM counts pc ${g.from}
                GROUP BY 1 HAVING sum(pc."totalDuties") > 0) c
          ${order}`,
        )
      : await db.$queryRaw<CoverageGroupRow[]>`
          SELECT c.key, ${g.label} AS label, ${SUMMARY_RATES}
          FROM (SELECT ${g.key} AS key, ${SUMMARY_COUNTS}
                FROM (${dutyCoverageSql(where)}) pc ${g.from} GROUP BY 1) c
          ${order}`;
  return rows.map((row) => ({ key: row.key, label: row.label, ...toSummary(row) }));
}

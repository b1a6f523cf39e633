import "server-only";

import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  EMPTY_SUMMARY,
  SUMMARY_COUNTS,
  SUMMARY_RATES,
  toSummary,
} from "@/lib/server/coverage/coverage-summary-sql";
import { partCoverageSql } from "@/lib/server/coverage/part-coverage-sql";

/**
 * Coverage of one scope (workspace, or narrowed by systems, domains, deployment model, owner,
 * vendor) at instant `now`, in one SQL aggregate. Same fields and nulls as the reference's
 * `computeCoverage`.
 */
export async function getCoverage(input: {
  workspaceId: string;
  scope?: CoverageScope;
  now?: Date;
}): Promise<CoverageSummary> {
  const pc = partCoverageSql({
    workspaceId: input.workspaceId,
    scope: input.scope ?? {},
    now: input.now ?? new Date(),
  });
  const rows = await db.$queryRaw<CoverageSummary[]>`
    SELECT ${SUMMARY_RATES} FROM (SELECT ${SUMMARY_COUNTS} FROM (${pc}) pc) c`;
  return rows[0] ? toSummary(rows[0]) : EMPTY_SUMMARY;
}

export const COVERAGE_GROUPS = ["system", "domain", "deploymentModel", "owner", "vendor"] as const;
export type CoverageGroup = (typeof COVERAGE_GROUPS)[number];

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
 * per-part rows as `getCoverage`, so each group equals `getCoverage` scoped to it. Groups without
 * parts do not appear. Ordered by key (code-unit order, nulls last).
 */
export async function getCoverageBy(input: {
  workspaceId: string;
  groupBy: CoverageGroup;
  scope?: CoverageScope;
  now?: Date;
}): Promise<CoverageGroupRow[]> {
  const pc = partCoverageSql({
    workspaceId: input.workspaceId,
    scope: input.scope ?? {},
    now: input.now ?? new Date(),
  });
  const g = grouping(input.groupBy, input.workspaceId);
  const rows = await db.$queryRaw<CoverageGroupRow[]>`
    SELECT c.key, ${g.label} AS label, ${SUMMARY_RATES}
    FROM (SELECT ${g.key} AS key, ${SUMMARY_COUNTS} FROM (${pc}) pc ${g.from} GROUP BY 1) c
    ORDER BY c.key COLLATE "C" NULLS LAST`;
  return rows.map((row) => ({ key: row.key, label: row.label, ...toSummary(row) }));
}

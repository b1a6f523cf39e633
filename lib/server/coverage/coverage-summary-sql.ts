import "server-only";

import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Counts of a set of `pc` rows (see part-coverage-sql.ts), as the reference's `computeCoverage`
 * counts them. Used inside a GROUP BY (grouped coverage) or alone (one scope).
 */
export const SUMMARY_COUNTS = Prisma.sql`
  count(*)::int AS "totalParts",
  count(*) FILTER (WHERE pc.covered)::int AS "coveredParts",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER')::int AS "customerParts",
  count(*) FILTER (WHERE pc.side = 'PROVIDER')::int AS "providerParts",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER' AND pc."ownerId" IS NOT NULL)::int AS "ownedParts",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER' AND pc.status = 'IMPLEMENTED')::int
    AS "implementedParts",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER' AND pc."hasCurrentEvidence")::int AS "evidencedParts",
  count(*) FILTER (WHERE pc.side = 'PROVIDER' AND pc.covered)::int AS "assuredParts"`;

/** The count columns SUMMARY_COUNTS yields (and the stored per-system rows carry). */
export const COUNT_COLUMNS = [
  "totalParts",
  "coveredParts",
  "customerParts",
  "providerParts",
  "ownedParts",
  "implementedParts",
  "evidencedParts",
  "assuredParts",
] as const;

/**
 * The same counts summed over rows that already carry them (alias `pc` of per-system counts,
 * see system-coverage-sql.ts), so the rates below read either.
 */
export const SUMMED_COUNTS = Prisma.raw(
  COUNT_COLUMNS.map((c) => `COALESCE(sum(pc."${c}"), 0)::int AS "${c}"`).join(",\n  "),
);

/**
 * Rates over the counts of alias `c`, divided in SQL: float8 division of two integers is the same
 * correctly rounded IEEE double as the reference's `n / d`. NULLIF makes an empty denominator a
 * null rate (the reference's `ratio`: no duty is neither 0 % nor 100 %).
 */
export const SUMMARY_RATES = Prisma.sql`
  c."totalParts", c."coveredParts", c."customerParts", c."providerParts",
  c."coveredParts"::float8 / NULLIF(c."totalParts", 0) AS coverage,
  c."ownedParts"::float8 / NULLIF(c."customerParts", 0) AS "ownedRate",
  c."implementedParts"::float8 / NULLIF(c."customerParts", 0) AS "implementedRate",
  c."evidencedParts"::float8 / NULLIF(c."customerParts", 0) AS "evidencedRate",
  c."assuredParts"::float8 / NULLIF(c."providerParts", 0) AS "providerAssuredRate"`;

/** Picks the summary fields (drops grouping columns) with the reference's field order. */
export function toSummary(row: CoverageSummary): CoverageSummary {
  return {
    totalParts: row.totalParts,
    coveredParts: row.coveredParts,
    customerParts: row.customerParts,
    providerParts: row.providerParts,
    coverage: row.coverage,
    ownedRate: row.ownedRate,
    implementedRate: row.implementedRate,
    evidencedRate: row.evidencedRate,
    providerAssuredRate: row.providerAssuredRate,
  };
}

export const EMPTY_SUMMARY: CoverageSummary = {
  totalParts: 0,
  coveredParts: 0,
  customerParts: 0,
  providerParts: 0,
  coverage: null,
  ownedRate: null,
  implementedRate: null,
  evidencedRate: null,
  providerAssuredRate: null,
};

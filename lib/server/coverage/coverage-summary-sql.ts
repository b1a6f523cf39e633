import "server-only";

import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Counts of a set of `pc` rows (see duty-coverage-sql.ts), as the reference's `computeCoverage`
 * counts them. Used inside a GROUP BY (grouped coverage) or alone (one scope).
 */
export const SUMMARY_COUNTS = Prisma.sql`
  count(*)::int AS "totalDuties",
  count(*) FILTER (WHERE pc.covered)::int AS "coveredDuties",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER')::int AS "customerDuties",
  count(*) FILTER (WHERE pc.side = 'PROVIDER')::int AS "providerDuties",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER' AND pc."ownerId" IS NOT NULL)::int AS "ownedDuties",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER' AND pc.status = 'IMPLEMENTED')::int
    AS "implementedDuties",
  count(*) FILTER (WHERE pc.side = 'CUSTOMER' AND pc."hasCurrentEvidence")::int AS "evidencedDuties",
  count(*) FILTER (WHERE pc.side = 'PROVIDER' AND pc.covered)::int AS "assuredDuties"`;

/** The count columns SUMMARY_COUNTS yields (and the stored per-system rows carry). */
export const COUNT_COLUMNS = [
  "totalDuties",
  "coveredDuties",
  "customerDuties",
  "providerDuties",
  "ownedDuties",
  "implementedDuties",
  "evidencedDuties",
  "assuredDuties",
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
  c."totalDuties", c."coveredDuties", c."customerDuties", c."providerDuties",
  c."coveredDuties"::float8 / NULLIF(c."totalDuties", 0) AS coverage,
  c."ownedDuties"::float8 / NULLIF(c."customerDuties", 0) AS "ownedRate",
  c."implementedDuties"::float8 / NULLIF(c."customerDuties", 0) AS "implementedRate",
  c."evidencedDuties"::float8 / NULLIF(c."customerDuties", 0) AS "evidencedRate",
  c."assuredDuties"::float8 / NULLIF(c."providerDuties", 0) AS "providerAssuredRate"`;

/** Picks the summary fields (drops grouping columns) with the reference's field order. */
export function toSummary(row: CoverageSummary): CoverageSummary {
  return {
    totalDuties: row.totalDuties,
    coveredDuties: row.coveredDuties,
    customerDuties: row.customerDuties,
    providerDuties: row.providerDuties,
    coverage: row.coverage,
    ownedRate: row.ownedRate,
    implementedRate: row.implementedRate,
    evidencedRate: row.evidencedRate,
    providerAssuredRate: row.providerAssuredRate,
  };
}

export const EMPTY_SUMMARY: CoverageSummary = {
  totalDuties: 0,
  coveredDuties: 0,
  customerDuties: 0,
  providerDuties: 0,
  coverage: null,
  ownedRate: null,
  implementedRate: null,
  evidencedRate: null,
  providerAssuredRate: null,
};

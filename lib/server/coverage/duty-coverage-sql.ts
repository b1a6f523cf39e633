import "server-only";

import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import type { DutySide } from "@/lib/domain/responsibility";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * THE one SQL definition of coverage: every number of the engine (rates, grouped coverage, gap
 * list, heat map, snapshots) selects from `dutyCoverageSql`. It mirrors, rule for rule, the
 * reference in lib/domain/coverage-reference.ts (`evaluateDuties`) and lib/domain/evidence-state.ts
 * (`isCurrentEvidence`, `evidenceState(...) === "expired"`); a property test
 * (tests/integration/coverage-property.test.ts) checks both agree on generated workspaces.
 *
 * A builder of SQL fragments rather than a database view: `now` must be a parameter (tests pin
 * time) and the scope has to reach the inner evidence aggregate, neither of which a view can take.
 * The fragment is a plain subquery, so PostgreSQL flattens it into each caller and pushes the
 * caller's predicates down to the indexed columns.
 */

/** One row per part of an active system in scope; the columns `dutyCoverageSql` yields. */
export type DutyCoverageRow = {
  dutyId: string;
  responsibilityId: string;
  systemId: string;
  systemName: string;
  domainKey: string;
  side: DutySide;
  ownerId: string | null;
  status: string;
  dueDate: Date | null;
  riskTier: string | null;
  vendorId: string | null;
  deploymentModels: string[];
  critical: boolean;
  hasCurrentEvidence: boolean;
  covered: boolean;
  reasons: string[];
  /**
   * The part's copies of `critical`, the risk tier's rank and `systemName`, which database
   * triggers keep equal to the responsibility's and system's values (migration gap_order). Only
   * the gap list's walk reads them, to ORDER BY the part's gap-order index.
   */
  orderCritical: boolean;
  orderRiskTierRank: number;
  orderSystemName: string;
  /**
   * The latest instant before `now` and the earliest at or after it among the instants x that
   * a time test (`x >= now`, or its negation `x < now`) of `covered` and `hasCurrentEvidence`
   * reads for this part (`nearestInstant`). Both are the same for every instant from the first
   * plus 1 ms up to (not including) the second plus 1 ms; null: no such instant on that side.
   * (`reasons` may change in between: expired evidence is told from none by the earliest end.)
   */
  instantBefore: Date | null;
  instantFrom: Date | null;
};

/**
 * Non-blank text, as the reference's `value.trim() !== ""`: a character outside the set that
 * JavaScript's String.prototype.trim strips (ECMAScript WhiteSpace + LineTerminator). Spelled out
 * instead of [[:space:]], whose meaning depends on the database locale.
 */
const NON_BLANK_PATTERN =
  "[^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";

/**
 * `now` as a timestamp without time zone, the type Prisma stores DateTime in (UTC wall time). Sent
 * as ISO text and cast, so the session's TimeZone can never shift it (the 'Z' is ignored by the
 * cast, which is what we want: the stored values are UTC too).
 */
export function sqlInstant(now: Date): Prisma.Sql {
  return Prisma.sql`${now.toISOString()}::timestamp(3)`;
}

/**
 * Evidence that is "live": not soft-deleted, not superseded, not rejected. Live evidence is current
 * when validUntil is null or >= now, and "expired" (the reference's evidenceState) when < now.
 * Superseded ⇔ supersededAt set: the evidence service stamps it in the transaction that creates
 * the newer revision (which points back through supersedesId).
 */
function liveEvidence(alias: string): Prisma.Sql {
  const e = Prisma.raw(alias);
  return Prisma.sql`${e}."deletedAt" IS NULL AND ${e}."supersededAt" IS NULL
    AND ${e}."reviewStatus" <> 'REJECTED'`;
}

/**
 * Conditions on system alias `system` for an active system (not archived, lifecycle not
 * RETIRED) of the workspace that matches the scope's system-level filters (systems, deployment
 * model, vendor). `systemId` is the column compared with the scope's system ids: the parts'
 * systemId where parts are read (their index serves it), or the system's own id.
 */
export function activeSystemConditions(input: {
  workspaceId: string;
  scope: CoverageScope;
  system: string;
  systemId: string;
}): Prisma.Sql[] {
  const s = Prisma.raw(input.system);
  const { scope } = input;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`${s}."workspaceId" = ${input.workspaceId}`,
    Prisma.sql`${s}."archivedAt" IS NULL`,
    Prisma.sql`${s}.lifecycle <> 'RETIRED'`,
  ];
  // An empty list matches nothing (= ANY('{}') is false), as the reference's `includes`.
  if (scope.systemIds)
    conditions.push(
      Prisma.sql`${Prisma.raw(input.systemId)} = ANY(${[...scope.systemIds]}::text[])`,
    );
  if (scope.deploymentModel !== undefined)
    conditions.push(Prisma.sql`${s}."deploymentModels" @> ARRAY[${scope.deploymentModel}]::text[]`);
  if (scope.vendorId !== undefined)
    conditions.push(Prisma.sql`${s}."vendorId" = ${scope.vendorId}`);
  return conditions;
}

/**
 * Rows of active systems (not archived, lifecycle not RETIRED) matching the scope. `rows` is the
 * alias of a table carrying workspaceId, systemId and domainKey (parts, or responsibilities for
 * the heat map, which passes no ownerId); `system` the alias of "AiSystem".
 */
export function scopePredicate(input: {
  workspaceId: string;
  scope: CoverageScope;
  rows: string;
  system: string;
}): Prisma.Sql {
  const p = Prisma.raw(input.rows);
  const { scope } = input;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`${p}."workspaceId" = ${input.workspaceId}`,
    ...activeSystemConditions({ ...input, systemId: `${input.rows}."systemId"` }),
  ];
  if (scope.domainKeys)
    conditions.push(Prisma.sql`${p}."domainKey" = ANY(${[...scope.domainKeys]}::text[])`);
  if (scope.ownerId !== undefined) conditions.push(Prisma.sql`${p}."ownerId" = ${scope.ownerId}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * Restriction to one system chosen in SQL (system-coverage-sql.ts): `is` a system id expression,
 * a column of an outer query inside a LATERAL join.
 */
export type SystemRestriction = { is: Prisma.Sql };

function systemsRestriction(rows: string, systems: SystemRestriction | undefined): Prisma.Sql {
  if (!systems) return Prisma.empty;
  return Prisma.sql`AND ${Prisma.raw(`${rows}."systemId"`)} = ${systems.is}`;
}

/**
 * Whether the part's directly linked live evidence (of ATTESTATION kind only, when `attestation`)
 * has an item current at `now` (validUntil null or >= now) and one "expired" (validUntil < now),
 * read from the part's linked-evidence summary columns. Database triggers keep those columns
 * equal to an aggregate over the part's links to live evidence of the same workspace
 * (srm_refresh_duty_evidence in migration 20261122014103_system_coverage_summary), so coverage
 * never scans the links: "some item has no end or ends at/after now" is "open-ended or latest
 * end >= now", and "some item ended before now" is "earliest end < now".
 */
function linkedEvidence(now: Prisma.Sql, attestation: boolean) {
  const column = (name: string) => Prisma.raw(`p."${attestation ? "attested" : "linked"}${name}"`);
  return {
    current: Prisma.sql`(${column("OpenEnded")} OR COALESCE(${column("LatestUntil")} >= ${now}, false))`,
    expired: Prisma.sql`COALESCE(${column("EarliestUntil")} < ${now}, false)`,
  };
}

/**
 * Per vendor of this workspace: its live ATTESTATION evidence, current / expired, and the ends
 * of those items nearest to `now` on either side (the instants the two tests read).
 */
function vendorAttestationSql(input: { workspaceId: string; now: Date }) {
  const now = sqlInstant(input.now);
  return Prisma.sql`
    SELECT e."vendorId",
      bool_or(e."validUntil" IS NULL OR e."validUntil" >= ${now}) AS "anyCurrent",
      bool_or(e."validUntil" < ${now}) AS "anyExpired",
      max(e."validUntil") FILTER (WHERE e."validUntil" < ${now}) AS "untilBefore",
      min(e."validUntil") FILTER (WHERE e."validUntil" >= ${now}) AS "untilFrom"
    FROM "Evidence" e
    WHERE e."workspaceId" = ${input.workspaceId} AND e.kind = 'ATTESTATION'
      AND e."vendorId" IS NOT NULL AND ${liveEvidence("e")}
    GROUP BY e."vendorId"`;
}

/**
 * The instants that a time test of `covered` or `hasCurrentEvidence` reads for a part (see
 * `instantBefore`), nearest to `now` on one side: `before` the latest one before `now`,
 * otherwise the earliest one at or after it. A provider part's tests read its linked
 * attestations' latest end and its vendor's attestation ends; a customer part's its linked
 * evidence's latest end and its risk acceptance expiry. (The earliest ends only decide between
 * two reasons, which the stored counts do not hold.)
 */
function nearestInstant(now: Prisma.Sql, before: boolean): Prisma.Sql {
  const pick = (x: Prisma.Sql) =>
    before
      ? Prisma.sql`CASE WHEN ${x} < ${now} THEN ${x} END`
      : Prisma.sql`CASE WHEN ${x} >= ${now} THEN ${x} END`;
  const nearest = before ? Prisma.sql`GREATEST` : Prisma.sql`LEAST`;
  const vendor = before ? Prisma.sql`va."untilBefore"` : Prisma.sql`va."untilFrom"`;
  return Prisma.sql`CASE WHEN p.side = 'PROVIDER'
    THEN ${nearest}(${pick(Prisma.sql`p."attestedLatestUntil"`)}, ${vendor})
    ELSE ${nearest}(${pick(Prisma.sql`p."linkedLatestUntil"`)},
      ${pick(Prisma.sql`p."riskAcceptanceExpiresAt"`)}) END`;
}

/**
 * The per-duty subquery. Use as `FROM (${dutyCoverageSql(...)}) pc`.
 *
 * covered (reference `evaluateDuties`):
 * - CUSTOMER: owner set AND ((IMPLEMENTED AND current evidence linked) OR (NOT_APPLICABLE AND
 *   justification) OR (RISK_ACCEPTED AND justification AND approver AND expiry >= now)).
 * - PROVIDER: a current ATTESTATION linked, or held by the system's vendor.
 * reasons: GAP_REASONS order, empty exactly when covered (checked on every part by the tests).
 */
export function dutyCoverageSql(input: {
  workspaceId: string;
  scope: CoverageScope;
  now: Date;
  /**
   * A further restriction to one system picked in SQL, for system-coverage-sql.ts, which
   * computes the systems without valid stored counts one by one.
   */
  systems?: SystemRestriction;
}): Prisma.Sql {
  const now = sqlInstant(input.now);
  const linked = linkedEvidence(now, false);
  const attested = linkedEvidence(now, true);
  const flags = Prisma.sql`
    SELECT p.id AS "dutyId", p."responsibilityId", p."systemId", s.name AS "systemName",
      p."domainKey", p.side, p."ownerId", p.status, p."dueDate", s."riskTier", s."vendorId",
      s."deploymentModels", COALESCE(r.critical, false) AS critical,
      p.critical AS "orderCritical", p."riskTierRank" AS "orderRiskTierRank",
      p."systemName" AS "orderSystemName",
      p."riskApproverId", p."riskAcceptanceExpiresAt",
      COALESCE(p.justification ~ ${NON_BLANK_PATTERN}, false) AS "hasJustification",
      ${linked.current} AS "linkCurrent",
      ${linked.expired} AS "linkExpired",
      ${attested.current} OR COALESCE(va."anyCurrent", false) AS "attestationCurrent",
      ${attested.expired} OR COALESCE(va."anyExpired", false) AS "attestationExpired",
      ${nearestInstant(now, true)} AS "instantBefore",
      ${nearestInstant(now, false)} AS "instantFrom"
    FROM "Duty" p
    JOIN "AiSystem" s ON s.id = p."systemId"
    -- LEFT JOIN on the primary key: PostgreSQL drops it when no caller reads critical (the rates).
    -- A part always has its responsibility (foreign key, same workspace, written together).
    LEFT JOIN "Responsibility" r
      ON r.id = p."responsibilityId" AND r."workspaceId" = ${input.workspaceId}
    LEFT JOIN (${vendorAttestationSql(input)}) va ON va."vendorId" = s."vendorId"
    WHERE ${scopePredicate({ ...input, rows: "p", system: "s" })}
      ${systemsRestriction("p", input.systems)}`;

  // Customer part on the implementation path: any status but NOT_APPLICABLE / RISK_ACCEPTED.
  const cust = Prisma.sql`f.side = 'CUSTOMER'`;
  const implPath = Prisma.sql`f.status NOT IN ('NOT_APPLICABLE', 'RISK_ACCEPTED')`;
  const accepted = Prisma.sql`f.status = 'RISK_ACCEPTED'`;
  const closed = Prisma.sql`f.status IN ('NOT_APPLICABLE', 'RISK_ACCEPTED')`;
  return Prisma.sql`
    SELECT f."dutyId", f."responsibilityId", f."systemId", f."systemName", f."domainKey", f.side,
      f."ownerId", f.status, f."dueDate", f."riskTier", f."vendorId", f."deploymentModels",
      f.critical, f."orderCritical", f."orderRiskTierRank", f."orderSystemName",
      f."instantBefore", f."instantFrom",
      CASE WHEN f.side = 'PROVIDER' THEN f."attestationCurrent" ELSE f."linkCurrent" END
        AS "hasCurrentEvidence",
      CASE WHEN f.side = 'PROVIDER' THEN f."attestationCurrent"
        ELSE f."ownerId" IS NOT NULL AND (
          (f.status = 'IMPLEMENTED' AND f."linkCurrent")
          OR (f.status = 'NOT_APPLICABLE' AND f."hasJustification")
          OR (${accepted} AND f."hasJustification" AND f."riskApproverId" IS NOT NULL
              AND COALESCE(f."riskAcceptanceExpiresAt" >= ${now}, false)))
      END AS covered,
      array_remove(ARRAY[
        CASE WHEN ${cust} AND f."ownerId" IS NULL THEN 'NO_OWNER' END,
        CASE WHEN ${cust} AND f.status IN ('NOT_STARTED', 'IN_PROGRESS') THEN 'NOT_IMPLEMENTED' END,
        CASE WHEN ${cust} AND ${implPath} AND NOT f."linkCurrent" AND NOT f."linkExpired"
          THEN 'NO_CURRENT_EVIDENCE' END,
        CASE WHEN (${cust} AND ${implPath} AND NOT f."linkCurrent" AND f."linkExpired")
            OR (f.side = 'PROVIDER' AND NOT f."attestationCurrent" AND f."attestationExpired")
          THEN 'EVIDENCE_EXPIRED' END,
        CASE WHEN f.side = 'PROVIDER' AND NOT f."attestationCurrent" AND NOT f."attestationExpired"
          THEN 'NO_ATTESTATION' END,
        CASE WHEN ${cust} AND ${accepted} AND f."riskAcceptanceExpiresAt" < ${now}
          THEN 'ACCEPTANCE_EXPIRED' END,
        CASE WHEN ${cust} AND ${closed} AND NOT f."hasJustification" THEN 'MISSING_JUSTIFICATION' END,
        CASE WHEN ${cust} AND ${accepted} AND f."riskApproverId" IS NULL THEN 'MISSING_APPROVER' END,
        CASE WHEN ${cust} AND ${accepted} AND f."riskAcceptanceExpiresAt" IS NULL
          THEN 'MISSING_ACCEPTANCE_EXPIRY' END
      ]::text[], NULL) AS reasons
    FROM (${flags}) f`;
}

import "server-only";

import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_COLUMNS, SUMMARY_COUNTS } from "@/lib/server/coverage/coverage-summary-sql";
import {
  activeSystemConditions,
  partCoverageSql,
  sqlInstant,
  type SystemRestriction,
} from "@/lib/server/coverage/part-coverage-sql";

/*
 * Stored per-system counts (table "SystemCoverage"), so that coverage of a workspace, or of any
 * set of whole systems, sums one row per system instead of evaluating every part and probing
 * its evidence: on the 5,000-system bench, ~40 ms instead of ~300 ms (npm run bench).
 *
 * The counts are never maintained by hand. They are the GROUP BY system of the one per-part
 * definition (partCoverageSql), computed on read for the systems whose stored row cannot answer
 * and stored in the same statement. A stored row answers for instant `now` when:
 * - its generation equals the system's "coverageGeneration", which database triggers bump on
 *   every write that can change the counts (parts, links, evidence, vendor attestations, the
 *   system's vendor: migration 20261122014103_system_coverage_summary); and
 * - validFrom <= now < validTo. Coverage also changes with time alone, when evidence or a risk
 *   acceptance expires. Every time-dependent test in the definition has the form `x >= now` for
 *   an instant x of the system's data (evidence validUntil, vendor attestation validUntil, risk
 *   acceptance expiry), so the counts stay the same for every `now` after the latest such x
 *   before it and up to the earliest x at or after it (timestamps have millisecond precision).
 *   That window is stored with the counts. It also makes pinned instants (tests) correct.
 *
 * Concurrency: the generation is read in the same statement (snapshot) as the counts, so a row
 * computed just before a write commits carries the old generation and is ignored afterwards.
 * Readers never wait for each other or for writers (lock order: lib/db/transaction.ts): a reader
 * stores its rows only if it gets the workspace's advisory "storing" lock without waiting
 * (pg_try_advisory_xact_lock, held to the end of the statement); a reader that does not get it
 * still answers with what it computed and leaves storing to the next one. Writers never touch
 * these rows (the triggers only bump generations), so the lock holder cannot wait on a writer
 * either. Of two storers one after the other the newer generation stays (ties: the last one, both
 * are right for their own window); rows are written in system id order all the same.
 */

/**
 * Advisory lock space of "storing system coverage" (first key); the second key is a hash of the
 * workspace id. Two workspaces whose ids hash alike merely take turns at storing.
 */
export const STORING_LOCK = 0x5c0_0001;

/** Scopes the stored counts can answer: every filter is a property of the whole system. */
export function isSystemLevelScope(scope: CoverageScope): boolean {
  return scope.domainKeys === undefined && scope.ownerId === undefined;
}

/** Active systems (not archived, not retired) of the workspace that match a system-level scope. */
function targetSystemsSql(input: { workspaceId: string; scope: CoverageScope }): Prisma.Sql {
  const conditions = activeSystemConditions({ ...input, system: "s", systemId: "s.id" });
  return Prisma.sql`
    SELECT s.id, s."coverageGeneration" AS generation, s."vendorId", s."deploymentModels"
    FROM "AiSystem" s WHERE ${Prisma.join(conditions, " AND ")}`;
}

const columns = (alias: string) =>
  Prisma.raw(COUNT_COLUMNS.map((c) => `${alias}."${c}"`).join(", "));

/**
 * How the statement computes the systems without valid stored counts; the result is the same,
 * only the plan differs. "one by one": a LATERAL subquery per system, which the planner runs on
 * the (workspaceId, systemId) and (partId) indexes: right for a few systems (after a write),
 * slow for thousands. "together": one pass over the workspace's parts and links with hash
 * joins, restricted to the stale set: right after bulk changes, ~0.5 s even for one system on
 * a 5,000-system workspace. The planner cannot choose between them itself, as it cannot know
 * how many systems are stale before the statement runs; `countStaleSystems` tells the caller.
 */
export type StalePlan = "one by one" | "together";

/** Up to this many stale systems, computing them one by one is the faster plan. */
export const ONE_BY_ONE_LIMIT = 150;

function targetAndStoredSql(input: { workspaceId: string; scope: CoverageScope; now: Date }) {
  const now = sqlInstant(input.now);
  return Prisma.sql`
    target AS MATERIALIZED (${targetSystemsSql(input)}),
    stored AS MATERIALIZED (
      SELECT sc."systemId", ${columns("sc")}
      FROM "SystemCoverage" sc JOIN target t ON t.id = sc."systemId"
      WHERE sc."workspaceId" = ${input.workspaceId} AND sc.generation = t.generation
        AND (sc."validFrom" IS NULL OR sc."validFrom" <= ${now})
        AND (sc."validTo" IS NULL OR sc."validTo" > ${now})),
    stale AS MATERIALIZED (
      SELECT t.id, t.generation, t."vendorId" FROM target t
      WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored."systemId" = t.id))`;
}

/** How many systems of the scope have no stored counts valid at `now` (one cheap query). */
export function countStaleSystemsSql(input: {
  workspaceId: string;
  scope: CoverageScope;
  now: Date;
}): Prisma.Sql {
  return Prisma.sql`WITH ${targetAndStoredSql(input)} SELECT count(*)::int AS stale FROM stale`;
}

/** The instants of a part that a "x >= now" test of the definition reads. */
const PART_INSTANTS = [
  "riskAcceptanceExpiresAt",
  "linkedLatestUntil",
  "linkedEarliestUntil",
  "attestedLatestUntil",
  "attestedEarliestUntil",
].map((column) => Prisma.raw(`p."${column}"`));

/**
 * The nearest instants before ("before": latest x < now) and at or after ("after": earliest
 * x >= now) `now` among every instant a "x >= now" test of the definition reads for a system:
 * its parts' risk acceptance expiries and linked-evidence ends (part-coverage-sql.ts), and its
 * vendor's attestation ends. Parts and vendor evidence are aggregated separately (`parts`,
 * `vendor`: per system with `grouped`, else for the one system `st` of a LATERAL join) and
 * combined with GREATEST / LEAST, which skip nulls. Vendor evidence that is not live is
 * included: more instants only narrow the window.
 */
function nearestInstantsSql(input: {
  ws: string;
  now: Prisma.Sql;
  restrict: SystemRestriction;
  grouped: boolean;
}) {
  const { ws, now } = input;
  const before = Prisma.join(
    PART_INSTANTS.map((x) => Prisma.sql`CASE WHEN ${x} < ${now} THEN ${x} END`),
  );
  const after = Prisma.join(
    PART_INSTANTS.map((x) => Prisma.sql`CASE WHEN ${x} >= ${now} THEN ${x} END`),
  );
  const inScope =
    "in" in input.restrict
      ? Prisma.sql`p."systemId" IN (${input.restrict.in})`
      : Prisma.sql`p."systemId" = ${input.restrict.is}`;
  const key = input.grouped ? Prisma.sql`p."systemId",` : Prisma.empty;
  const groupBy = input.grouped ? Prisma.sql`GROUP BY p."systemId"` : Prisma.empty;
  const vendorWindow = Prisma.sql`
    max(e."validUntil") FILTER (WHERE e."validUntil" < ${now}) AS before,
    min(e."validUntil") FILTER (WHERE e."validUntil" >= ${now}) AS after`;
  const attestation = Prisma.sql`e."workspaceId" = ${ws} AND e.kind = 'ATTESTATION'
    AND e."validUntil" IS NOT NULL`;
  return {
    parts: Prisma.sql`
      SELECT ${key} max(GREATEST(${before})) AS before, min(LEAST(${after})) AS after
      FROM "ResponsibilityPart" p WHERE p."workspaceId" = ${ws} AND ${inScope}
      ${groupBy}`,
    vendor: input.grouped
      ? Prisma.sql`
        SELECT st.id AS "systemId", ${vendorWindow}
        FROM stale st JOIN "Evidence" e ON e."vendorId" = st."vendorId"
        WHERE ${attestation} GROUP BY st.id`
      : Prisma.sql`
        SELECT ${vendorWindow} FROM "Evidence" e
        WHERE e."vendorId" = st."vendorId" AND ${attestation}`,
  };
}

/** The stored window from the nearest instants of parts `w` and vendor `v` (see the top). */
const WINDOW = Prisma.sql`
  GREATEST(w.before, v.before) + interval '1 millisecond' AS "validFrom",
  LEAST(w.after, v.after) + interval '1 millisecond' AS "validTo"`;

/** `fresh`: counts and window of every stale system, computed now, by the chosen plan. */
function freshSql(input: { workspaceId: string; now: Date; plan: StalePlan }): Prisma.Sql {
  const ws = input.workspaceId;
  const now = sqlInstant(input.now);
  const zeroOr = Prisma.raw(COUNT_COLUMNS.map((c) => `COALESCE(c."${c}", 0) AS "${c}"`).join(", "));
  if (input.plan === "one by one") {
    const one = { is: Prisma.sql`st.id` };
    const pc = partCoverageSql({ workspaceId: ws, scope: {}, now: input.now, systems: one });
    const nearest = nearestInstantsSql({ ws, now, restrict: one, grouped: false });
    return Prisma.sql`
      fresh AS MATERIALIZED (
        SELECT st.id AS "systemId", st.generation, ${WINDOW}, ${zeroOr}
        FROM stale st
        CROSS JOIN LATERAL (SELECT ${SUMMARY_COUNTS} FROM (${pc}) pc) c
        CROSS JOIN LATERAL (${nearest.parts}) w
        CROSS JOIN LATERAL (${nearest.vendor}) v)`;
  }
  const all = { in: Prisma.sql`SELECT id FROM stale` };
  const pc = partCoverageSql({ workspaceId: ws, scope: {}, now: input.now, systems: all });
  const nearest = nearestInstantsSql({ ws, now, restrict: all, grouped: true });
  return Prisma.sql`
    computed AS (
      SELECT pc."systemId", ${SUMMARY_COUNTS} FROM (${pc}) pc GROUP BY pc."systemId"),
    part_instants AS (${nearest.parts}),
    vendor_instants AS (${nearest.vendor}),
    fresh AS MATERIALIZED (
      SELECT st.id AS "systemId", st.generation, ${WINDOW}, ${zeroOr}
      FROM stale st
      LEFT JOIN computed c ON c."systemId" = st.id
      LEFT JOIN part_instants w ON w."systemId" = st.id
      LEFT JOIN vendor_instants v ON v."systemId" = st.id)`;
}

/**
 * A whole statement: `WITH … <body>`, where the body reads the relation `counts`, one row per
 * active system in scope with its counts at `now` (columns "systemId", "vendorId",
 * "deploymentModels" and the count columns of SUMMARY_COUNTS). Valid stored rows are used as
 * they are; the others are computed (by `plan`) and stored by the same statement. Only for
 * scopes that `isSystemLevelScope` accepts.
 */
export function withSystemCounts(
  input: { workspaceId: string; scope: CoverageScope; now: Date; plan: StalePlan },
  body: Prisma.Sql,
): Prisma.Sql {
  if (!isSystemLevelScope(input.scope))
    throw new Error("stored system coverage cannot answer a domain or owner scope");
  const updates = Prisma.raw(
    ["generation", "validFrom", "validTo", ...COUNT_COLUMNS]
      .map((c) => `"${c}" = EXCLUDED."${c}"`)
      .join(", "),
  );
  return Prisma.sql`
    WITH ${targetAndStoredSql(input)},
    ${freshSql(input)},
    storing AS MATERIALIZED (
      SELECT pg_try_advisory_xact_lock(${STORING_LOCK}::int, hashtext(${input.workspaceId})) AS ok
      WHERE EXISTS (SELECT 1 FROM fresh)),
    saved AS (
      INSERT INTO "SystemCoverage" ("systemId", "workspaceId", generation, "validFrom", "validTo",
        ${Prisma.raw(COUNT_COLUMNS.map((c) => `"${c}"`).join(", "))})
      SELECT f."systemId", ${input.workspaceId}, f.generation, f."validFrom", f."validTo",
        ${columns("f")}
      FROM fresh f WHERE (SELECT ok FROM storing) ORDER BY f."systemId"
      ON CONFLICT ("systemId") DO UPDATE SET ${updates}
      WHERE "SystemCoverage".generation <= EXCLUDED.generation),
    counts AS (
      SELECT t.id AS "systemId", t."vendorId", t."deploymentModels", ${columns("x")}
      FROM target t
      JOIN (SELECT "systemId", ${columns("stored")} FROM stored
            UNION ALL SELECT "systemId", ${columns("fresh")} FROM fresh) x
        ON x."systemId" = t.id)
    ${body}`;
}

let forcedPlan: StalePlan | null = null;

/** Tests: run every statement with this plan (null: choose by the stale count again). */
export function forceStalePlanForTests(plan: StalePlan | null): void {
  forcedPlan = plan;
}

/**
 * Runs `withSystemCounts` with the plan that suits the number of stale systems. The count is a
 * separate, earlier statement, so by the time the main one runs more systems may have gone
 * stale; that only affects speed: the main statement finds and computes every stale system
 * itself.
 */
export async function queryWithSystemCounts<T>(
  input: { workspaceId: string; scope: CoverageScope; now: Date },
  body: Prisma.Sql,
): Promise<T[]> {
  let plan = forcedPlan;
  if (!plan) {
    const [row] = await db.$queryRaw<{ stale: number }[]>(countStaleSystemsSql(input));
    plan = (row?.stale ?? 0) <= ONE_BY_ONE_LIMIT ? "one by one" : "together";
  }
  return db.$queryRaw<T[]>(withSystemCounts({ ...input, plan }, body));
}

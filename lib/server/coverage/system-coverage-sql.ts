import "server-only";

import { db } from "@/lib/db/client";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_COLUMNS, SUMMARY_COUNTS } from "@/lib/server/coverage/coverage-summary-sql";
import {
  activeSystemConditions,
  dutyCoverageSql,
  sqlInstant,
} from "@/lib/server/coverage/duty-coverage-sql";

/*
 * Stored per-system counts (table "SystemCoverage"), so that coverage of a workspace, or of any
 * set of whole systems, sums one row per system instead of evaluating every part and probing
 * its evidence (npm run bench: bench/results-*.json, "coverageMedianMs" against
 * "coverageColdMedianMs").
 *
 * The counts are never maintained by hand. They are the GROUP BY system of the one per-duty
 * definition (dutyCoverageSql), computed on read for the systems whose stored row cannot answer
 * and stored in the same statement. A stored row answers for instant `now` when:
 * - its generation equals the system's "coverageGeneration", which database triggers bump on
 *   every write that can change the counts (parts, links, evidence, vendor attestations, the
 *   system's vendor: migration 20261122014103_system_coverage_summary); and
 * - validFrom <= now < validTo. Coverage also changes with time alone, when evidence or a risk
 *   acceptance expires. Every time-dependent test in the definition has the form `x >= now` for
 *   an instant x of the system's data (evidence validUntil, vendor attestation validUntil, risk
 *   acceptance expiry), so the counts stay the same for every `now` after the latest such x
 *   before it and up to the earliest x at or after it (timestamps have millisecond precision).
 *   dutyCoverageSql yields those two instants per part ("instantBefore", "instantFrom"), next
 *   to the tests that read them; the window is stored with the counts. It also makes pinned
 *   instants (tests) correct.
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

const columns = (alias: string) =>
  Prisma.raw(COUNT_COLUMNS.map((c) => `${alias}."${c}"`).join(", "));

/**
 * How the statement computes the systems without valid stored counts; the result is the same,
 * only the plan differs. "one by one": a LATERAL subquery per stale system, which the planner
 * runs on the (workspaceId, systemId) index: its cost grows with the number of stale systems.
 * "together": one pass over every part of the scope with hash joins, grouped by system, of
 * which the stale systems' rows are kept: a fixed cost, a little below that of computing every
 * system one by one (on the 5,000-system bench). The planner cannot choose between them
 * itself, as it cannot know how many systems are stale before the statement runs; the
 * statement holds both and runs the one that suits the share of stale systems it finds (a
 * one-time filter on that share).
 */
export type StalePlan = "one by one" | "together";

/**
 * Computing stale systems together is the faster plan once they are this share of the scope's
 * systems and more than ONE_BY_ONE_LIMIT: a few stale systems (after writes) never pay for a
 * pass over every part of a small scope's workspace.
 */
export const TOGETHER_SHARE = 0.9;
export const ONE_BY_ONE_LIMIT = 150;

/**
 * `target`: the active systems (not archived, not retired) of the workspace that match the
 * system-level scope, each with its stored row where that row answers at `now` (`stored`);
 * `stale`: the others. One pass over the systems and one indexed probe of the stored rows.
 */
function targetAndStoredSql(input: { workspaceId: string; scope: CoverageScope; now: Date }) {
  const now = sqlInstant(input.now);
  const conditions = activeSystemConditions({ ...input, system: "s", systemId: "s.id" });
  return Prisma.sql`
    target AS MATERIALIZED (
      SELECT s.id, s."coverageGeneration" AS generation, s."vendorId", s."deploymentModels",
        sc."systemId" IS NOT NULL AS stored, ${columns("sc")}
      FROM "AiSystem" s
      LEFT JOIN "SystemCoverage" sc ON sc."systemId" = s.id
        AND sc."workspaceId" = ${input.workspaceId} AND sc.generation = s."coverageGeneration"
        AND (sc."validFrom" IS NULL OR sc."validFrom" <= ${now})
        AND (sc."validTo" IS NULL OR sc."validTo" > ${now})
      WHERE ${Prisma.join(conditions, " AND ")}),
    stale AS MATERIALIZED (
      SELECT t.id, t.generation, t."vendorId", t."deploymentModels" FROM target t
      WHERE NOT t.stored)`;
}

/**
 * The counts of `pc` rows and the window in which they hold: from the latest instant before
 * `now` that a time test reads, plus 1 ms, up to the earliest one at or after it, plus 1 ms
 * (exclusive): see `instantBefore` in duty-coverage-sql.ts. No instant: no bound on that side.
 */
const COUNTS_AND_WINDOW = Prisma.sql`${SUMMARY_COUNTS},
  max(pc."instantBefore") + interval '1 millisecond' AS "validFrom",
  min(pc."instantFrom") + interval '1 millisecond' AS "validTo"`;

/**
 * `fresh`: counts and window of every stale system, computed now, by `plan`, or by the plan
 * that suits the number of stale systems when `plan` is null (both are in the statement, gated
 * by one-time filters: PostgreSQL runs one). A system without parts gets zero counts, valid
 * forever (until a write bumps its generation).
 */
function freshSql(input: {
  workspaceId: string;
  scope: CoverageScope;
  now: Date;
  plan: StalePlan | null;
  oneByOneLimit: number;
}) {
  const ws = input.workspaceId;
  const zeroOr = Prisma.raw(COUNT_COLUMNS.map((c) => `COALESCE(c."${c}", 0) AS "${c}"`).join(", "));
  const fresh = Prisma.sql`st.id AS "systemId", st.generation, st."vendorId",
    st."deploymentModels", c."validFrom", c."validTo", ${zeroOr}`;
  const oneByOne = dutyCoverageSql({
    workspaceId: ws,
    scope: {},
    now: input.now,
    systems: { is: Prisma.sql`st.id` },
  });
  // The scope's parts, all of them: restricted to the stale systems, the planner (which has no
  // estimate of how many that is) probes the parts per system instead of one hash join.
  const together = dutyCoverageSql({ workspaceId: ws, scope: input.scope, now: input.now });
  const branches = {
    "one by one": Prisma.sql`
      SELECT ${fresh} FROM stale st
      CROSS JOIN LATERAL (SELECT ${COUNTS_AND_WINDOW} FROM (${oneByOne}) pc) c`,
    together: Prisma.sql`
      SELECT ${fresh} FROM stale st
      LEFT JOIN (SELECT pc."systemId", ${COUNTS_AND_WINDOW} FROM (${together}) pc
                 GROUP BY pc."systemId") c ON c."systemId" = st.id`,
  };
  if (input.plan) return Prisma.sql`fresh AS MATERIALIZED (${branches[input.plan]})`;
  return Prisma.sql`
    plan AS MATERIALIZED (
      SELECT NOT (x.stale > ${input.oneByOneLimit} AND x.stale >= ${TOGETHER_SHARE}::float8 * x.systems)
        AS "oneByOne"
      FROM (SELECT count(*) FILTER (WHERE NOT t.stored) AS stale, count(*) AS systems
            FROM target t) x),
    fresh AS MATERIALIZED (
      ${branches["one by one"]} WHERE (SELECT "oneByOne" FROM plan)
      UNION ALL
      ${branches.together} WHERE NOT (SELECT "oneByOne" FROM plan))`;
}

/**
 * A whole statement: `WITH … <body>`, where the body reads the relation `counts`, one row per
 * active system in scope with its counts at `now` (columns "systemId", "vendorId",
 * "deploymentModels" and the count columns of SUMMARY_COUNTS). Valid stored rows are used as
 * they are; the others are computed (by `plan`, or by the plan that suits their number) and
 * stored by the same statement. Only for scopes that `isSystemLevelScope` accepts.
 */
export function withSystemCounts(
  input: {
    workspaceId: string;
    scope: CoverageScope;
    now: Date;
    plan?: StalePlan | null;
    /** Tests: ONE_BY_ONE_LIMIT replaced, so that small workspaces take either branch. */
    oneByOneLimit?: number;
  },
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
    ${freshSql({
      ...input,
      plan: input.plan ?? null,
      oneByOneLimit: input.oneByOneLimit ?? ONE_BY_ONE_LIMIT,
    })},
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
      SELECT t.id AS "systemId", t."vendorId", t."deploymentModels", ${columns("t")}
      FROM target t WHERE t.stored
      UNION ALL
      SELECT f."systemId", f."vendorId", f."deploymentModels", ${columns("f")} FROM fresh f)
    ${body}`;
}

let forcedPlan: StalePlan | "by share" | null = null;

/**
 * Tests: run every statement with this plan; "by share": let the statement choose by the share
 * of stale systems alone (no minimum count, so that small workspaces reach the "together"
 * branch through the choice); null: choose as usual.
 */
export function forceStalePlanForTests(plan: StalePlan | "by share" | null): void {
  forcedPlan = plan;
}

/** Runs `withSystemCounts`: one statement, which picks its plan for stale systems itself. */
export async function queryWithSystemCounts<T>(
  input: { workspaceId: string; scope: CoverageScope; now: Date },
  body: Prisma.Sql,
): Promise<T[]> {
  const forced =
    forcedPlan === "by share" ? { oneByOneLimit: 0 } : { plan: forcedPlan ?? undefined };
  return db.$queryRaw<T[]>(withSystemCounts({ ...input, ...forced }, body));
}

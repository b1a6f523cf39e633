// Benchmark of the coverage engine on a large workspace: 5,000 AI systems over the 8 deployment
// models of the shipped AI SRM 1.1.0 matrix, owners, statuses, ~150,000 evidence links. Measures
// (after a warm-up) workspace coverage, one system's coverage, the gap list's first page, and the
// lower bound: one plain aggregate counting covered parts over the same tables. Writes
// bench/results.json (and bench/results-<database>.json, so both databases' figures are kept).
//
//   npm run bench [-- --systems 5000 --runs 30 --database postgres|pglite]
//
// Database: a scratch database on DATABASE_URL's server (dropped at the end), or, without
// DATABASE_URL (or with --database pglite), an in-memory embedded PGlite. Never the app's data.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { parse } from "yaml";

import { createTestDatabase } from "../tests/support/test-database";
import { generateWorkspace } from "./coverage-data";
import { benchDashboard, type DashboardBench } from "./dashboard";

const { values } = parseArgs({
  options: {
    systems: { type: "string", default: "5000" },
    runs: { type: "string", default: "30" },
    database: { type: "string" },
    // keep the scratch database (prints its URL) to study plans with EXPLAIN ANALYZE
    keep: { type: "boolean", default: false },
    // skip the overview's load test (it needs a current production build in .next)
    "no-dashboard": { type: "boolean", default: false },
  },
});
const systems = Number(values.systems);
const runs = Math.max(1, Number(values.runs));
const kind = values.database ?? (process.env.DATABASE_URL ? "postgres" : "pglite");
if (kind !== "postgres" && kind !== "pglite") throw new Error("--database is postgres or pglite");

const NOW = new Date();

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Runs every measured call once per round, interleaved, after 5 warm-up rounds (plans cached,
 * pages in memory). Interleaving makes a busy machine slow all of them alike, so the ratio to
 * the lower bound stays meaningful when other processes share the CPUs.
 */
type Call =
  (() => Promise<unknown>) | { before: () => Promise<unknown>; call: () => Promise<unknown> };

async function measure(calls: Record<string, Call>) {
  const samples: Record<string, number[]> = {};
  for (let round = -5; round < runs; round += 1) {
    for (const [label, entry] of Object.entries(calls)) {
      // `before` (untimed) prepares the state the call is measured in.
      const call = typeof entry === "function" ? entry : entry.call;
      if (typeof entry !== "function") await entry.before();
      const start = performance.now();
      await call();
      if (round >= 0) (samples[label] ??= []).push(performance.now() - start);
    }
  }
  const results: Record<string, { median: number; p95: number }> = {};
  for (const [label, list] of Object.entries(samples)) {
    results[label] = stats(list);
    process.stdout.write(
      `  ${label}: median ${results[label].median.toFixed(1)} ms, p95 ${results[label].p95.toFixed(1)} ms\n`,
    );
  }
  return results;
}

async function main() {
  if (kind === "postgres") process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  else delete process.env.TEST_DATABASE_URL;
  process.stdout.write(`creating a scratch ${kind} database …\n`);
  const database = await createTestDatabase("srm_bench_cov");
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  try {
    // Imported after DATABASE_URL points at the scratch database.
    const { db } = await import("@/lib/db/client");
    const { getCoverage } = await import("@/lib/server/coverage/get-coverage");
    const { getGapList } = await import("@/lib/server/coverage/get-gap-list");
    const { fromLinksCountSql, lowerBoundSql } = await import("./coverage-lower-bound");

    const definition = parse(
      readFileSync(path.join(__dirname, "../frameworks/ai-security-srm/1.1.0.yaml"), "utf8"),
    ) as { cells: { row: string; column: string; value: string; critical?: boolean }[] };
    const started = performance.now();
    const { workspaceId, counts } = await generateWorkspace({
      db,
      systems,
      cells: definition.cells,
      now: NOW,
    });
    process.stdout.write(
      `generated ${counts.systems} systems, ${counts.parts} parts, ${counts.evidence} evidence, ` +
        `${counts.links} links in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const coverage = await getCoverage({ workspaceId, now: NOW });
    for (const [label, sql] of [
      ["lower bound", lowerBoundSql({ workspaceId, now: NOW })],
      ["count from raw links", fromLinksCountSql({ workspaceId, now: NOW })],
    ] as const) {
      const [row] = await db.$queryRaw<{ covered: number }[]>(sql);
      if (row?.covered !== coverage.coveredDuties)
        throw new Error(`${label} counts ${row?.covered}, engine ${coverage.coveredDuties}`);
    }
    process.stdout.write(
      `coverage ${(100 * (coverage.coverage ?? 0)).toFixed(1)} % (${coverage.coveredDuties}/${coverage.totalDuties})\n`,
    );
    const oneSystem = (await db.aiSystem.findFirst({
      where: { workspaceId, archivedAt: null, lifecycle: "PRODUCTION" },
    }))!.id;

    // Workspace coverage sums stored per-system counts and recomputes, in the same statement,
    // the systems a write made stale (lib/server/coverage/system-coverage-sql.ts). Measured in
    // the three states a reader meets: just after a write to one system (the usual case: the
    // headline figure), with nothing changed, and cold (every system stale: the engine's full
    // evaluation of every part, which is what the lower bound is compared with).
    const dutyIds = await db.$queryRaw<{ id: string; status: string }[]>`
      SELECT p.id, p.status::text FROM "Duty" p JOIN "AiSystem" s ON s.id = p."systemId"
      WHERE p."workspaceId" = ${workspaceId} AND p.side = 'CUSTOMER'
        AND s."archivedAt" IS NULL AND s.lifecycle <> 'RETIRED'
      ORDER BY p.id LIMIT 500`;
    let turn = 0;
    const writeOneDuty = async () => {
      const part = dutyIds[turn++ % dutyIds.length]!;
      part.status = part.status === "IMPLEMENTED" ? "IN_PROGRESS" : "IMPLEMENTED";
      await db.duty.update({
        where: { id: part.id },
        data: { status: part.status as "IMPLEMENTED" | "IN_PROGRESS" },
      });
    };
    const makeAllStale = () =>
      db.$executeRaw`UPDATE "AiSystem" SET "coverageGeneration" = "coverageGeneration" + 1
        WHERE "workspaceId" = ${workspaceId}`;
    const measured = await measure({
      "workspace coverage (after a write to one system)": {
        before: writeOneDuty,
        call: () => getCoverage({ workspaceId, now: NOW }),
      },
      "workspace coverage (nothing changed)": () => getCoverage({ workspaceId, now: NOW }),

      "lower bound (plain covered count)": () =>
        db.$queryRaw(lowerBoundSql({ workspaceId, now: NOW })),
      "one system": () => getCoverage({ workspaceId, now: NOW, scope: { systemIds: [oneSystem] } }),
      "gap list (first page of 50)": () => getGapList({ workspaceId, now: NOW, limit: 50 }),
    });
    // Cold runs rewrite every system's stored row; measured on their own, after the others, so
    // that their churn (dead row versions until autovacuum) does not weigh on the usual case.
    const coldRuns = await measure({
      "workspace coverage (cold: every system stale)": {
        before: makeAllStale,
        call: () => getCoverage({ workspaceId, now: NOW }),
      },
    });
    const workspace = measured["workspace coverage (after a write to one system)"]!;
    const unchanged = measured["workspace coverage (nothing changed)"]!;
    const cold = coldRuns["workspace coverage (cold: every system stale)"]!;
    const lowerBound = measured["lower bound (plain covered count)"]!;
    const system = measured["one system"]!;
    const gaps = measured["gap list (first page of 50)"]!;

    // The overview under 20 concurrent requests (bench/dashboard.ts). A failure is reported, not
    // hidden: dashboardP95Ms stays null and dashboardError says why.
    let dashboard: Partial<DashboardBench> & { dashboardError?: string } = {};
    if (!values["no-dashboard"]) {
      process.stdout.write("measuring the workspace overview …\n");
      try {
        dashboard = await benchDashboard({ databaseUrl: database.url, workspaceId, runs });
      } catch (error) {
        dashboard = { dashboardError: error instanceof Error ? error.message : String(error) };
        process.stderr.write(`dashboard bench failed: ${dashboard.dashboardError}\n`);
      }
    }

    const results = {
      database: kind,
      systems: counts.systems,
      parts: counts.parts,
      evidenceLinks: counts.links,
      runs,
      coverageMedianMs: round(workspace.median),
      coverageP95Ms: round(workspace.p95),
      coverageUnchangedMedianMs: round(unchanged.median),
      coverageColdMedianMs: round(cold.median),
      coverageColdP95Ms: round(cold.p95),
      systemCoverageMedianMs: round(system.median),
      systemCoverageP95Ms: round(system.p95),
      lowerBoundMedianMs: round(lowerBound.median),
      ratioToLowerBound: round(workspace.median / lowerBound.median),
      coldRatioToLowerBound: round(cold.median / lowerBound.median),
      gapListMedianMs: round(gaps.median),
      gapListP95Ms: round(gaps.p95),
      dashboardP95Ms: dashboard.dashboardP95Ms ?? null,
      ...dashboard,
      measuredAt: new Date().toISOString(),
    };
    const json = `${JSON.stringify(results, null, 2)}\n`;
    writeFileSync(path.join(__dirname, "results.json"), json);
    writeFileSync(path.join(__dirname, `results-${kind}.json`), json);
    console.table(results);
    await db.$disconnect();
  } finally {
    if (values.keep && kind === "postgres") process.stdout.write(`kept ${database.url}\n`);
    else await database.drop();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});

// The workspace overview's server response time under 20 concurrent requests (autocannon), for
// bench/coverage.ts: a production server (scripts/serve-next.mjs on the existing build, as
// `npm start` serves it, under the shared build lock; see bench/_server.ts) against the bench's
// scratch database, with a signed-in member's session cookie, requesting /w/<slug> from
// 127.0.0.1 only. Also measures, in process, the overview loader without its per-revision cache
// (what the first request after a change costs).
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

import {
  autocannonRun,
  ensureCurrentBuild,
  percentile,
  sessionCookie,
  startAppServer,
} from "./_server";

const CONNECTIONS = 20;
const DURATION_SECONDS = 10;

export type DashboardBench = {
  /** p95 of every response's time in the autocannon run (ms). */
  dashboardP95Ms: number | null;
  dashboardMedianMs: number | null;
  dashboardRequests: number;
  dashboardNon2xx: number;
  /** The same load on /w/<slug>/settings: the app shell's own cost on this machine. */
  baselinePageP95Ms: number | null;
  baselinePageMedianMs: number | null;
  baselinePageRequests: number;
  dashboardConnections: number;
  dashboardDurationSeconds: number;
  /** First request after a change: the overview computed without the cache (in process, sequential). */
  dashboardUncachedMedianMs: number;
  dashboardNote: string;
};

type LoadResult = { p95: number | null; median: number | null; requests: number; non2xx: number };

/** 20 connections for 10 s; p95 over every response's own time. */
async function loadTest(url: string, cookie: string): Promise<LoadResult> {
  const figures = await autocannonRun({
    url,
    headers: { cookie },
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  return {
    p95: figures.p95Ms,
    median: figures.medianMs,
    requests: figures.requests,
    non2xx: figures.non2xx,
  };
}

export async function benchDashboard(input: {
  databaseUrl: string;
  workspaceId: string;
  runs: number;
}): Promise<DashboardBench> {
  const { db } = await import("@/lib/db/client");
  const { loadWorkspaceOverview } = await import("@/lib/server/dashboard/load-workspace-overview");

  // In process, uncached (a pinned `now` bypasses the cache): the cost after every change.
  const uncached: number[] = [];
  for (let i = 0; i < Math.min(input.runs, 7); i += 1) {
    const start = performance.now();
    await loadWorkspaceOverview({ workspaceId: input.workspaceId, now: new Date() });
    if (i > 0) uncached.push(performance.now() - start);
  }
  const dashboardUncachedMedianMs = Math.round(percentile(uncached, 0.5)! * 100) / 100;
  process.stdout.write(`  overview loader, uncached: median ${dashboardUncachedMedianMs} ms\n`);

  await ensureCurrentBuild((line) => process.stdout.write(`  ${line}\n`));

  // A member with a session cookie, as a browser that signed in would send it.
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({
    data: { email: `bench-${tag}@example.com`, name: `Bench ${tag}` },
  });
  await db.membership.create({
    data: { workspaceId: input.workspaceId, userId: user.id, role: "VIEWER" },
  });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: input.workspaceId } });
  const secret = randomBytes(32).toString("hex");
  const cookie = await sessionCookie({ user, authSecret: secret });
  const server = await startAppServer({
    databaseUrl: input.databaseUrl,
    authSecret: secret,
    port: 3200 + Math.floor(Math.random() * 500),
  });
  try {
    const url = `${server.base}/w/${workspace.slug}`;
    // Warm-up: the first request compiles nothing (production) but takes today's snapshot and
    // fills the overview's cache; check that it is the real dashboard.
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(url, { headers: { cookie } });
      const html = await response.text();
      if (response.status !== 200 || !html.includes('data-testid="coverage-value"'))
        throw new Error(`the overview did not render (HTTP ${response.status})`);
    }
    const overview = await loadTest(url, cookie);
    // The same load on a light page of the same app shell (session, membership, layout): what
    // any workspace page costs here, so the overview's own share can be read off.
    const baseline = await loadTest(`${url}/settings`, cookie);
    const report = (label: string, r: LoadResult) =>
      process.stdout.write(
        `  ${label} under ${CONNECTIONS} connections for ${DURATION_SECONDS} s: ${r.requests} requests, ` +
          `median ${r.median?.toFixed(1)} ms, p95 ${r.p95?.toFixed(1)} ms, non-2xx ${r.non2xx}\n`,
      );
    report("overview", overview);
    report("baseline (settings page)", baseline);
    return {
      dashboardP95Ms: overview.p95,
      dashboardMedianMs: overview.median,
      dashboardRequests: overview.requests,
      dashboardNon2xx: overview.non2xx,
      baselinePageP95Ms: baseline.p95,
      baselinePageMedianMs: baseline.median,
      baselinePageRequests: baseline.requests,
      dashboardConnections: CONNECTIONS,
      dashboardDurationSeconds: DURATION_SECONDS,
      dashboardUncachedMedianMs,
      dashboardNote:
        "GET /w/<slug> (whole page: session, membership, layout, overview) on the production server (scripts/serve-next.mjs), autocannon from 127.0.0.1; " +
        "the overview is cached per workspace revision (latest audit sequence) and minute, so this is the steady state; " +
        "dashboardUncachedMedianMs is the overview loader without the cache (first request after a change), in process.",
    };
  } finally {
    await server.stop();
  }
}

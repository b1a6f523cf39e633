// The workspace overview's server response time under 20 concurrent requests (autocannon), for
// bench/coverage.ts: a production server (`next start` on the existing build, which it takes
// under the shared build lock) against the bench's scratch database, with a signed-in member's
// session cookie, requesting /w/<slug> from 127.0.0.1 only. Also measures, in process, the
// overview loader without its per-revision cache (what the first request after a change costs).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";

import { buildIsCurrent, recordBuild } from "../scripts/lib/build-fingerprint";
import { binPath, ROOT, run } from "../scripts/lib/runtime";

const CONNECTIONS = 20;
const DURATION_SECONDS = 10;
const LOCK = "/tmp/srm-next.lock";

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

function percentile(samples: number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function waitForHealth(url: string, server: { exitCode: number | null }) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("next start did not become healthy within 120 s");
}

type LoadResult = { p95: number | null; median: number | null; requests: number; non2xx: number };

const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 100) / 100);

/** 20 connections for 10 s; p95 over every response's own time. */
async function loadTest(url: string, cookie: string): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: DURATION_SECONDS, headers: { cookie } },
      (error, finished) => (error ? reject(error as Error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  return {
    p95: round(percentile(latencies, 0.95)),
    median: round(percentile(latencies, 0.5)),
    requests: result.requests.total,
    non2xx: result.non2xx,
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

  if (!buildIsCurrent(ROOT)) {
    // Measuring an older build would measure other code: rebuild, under the shared lock.
    process.stdout.write("  the production build is stale: next build …\n");
    await run("flock", [LOCK, binPath("next"), "build"], {
      env: { ...process.env, NODE_ENV: "production" },
      quiet: true,
    });
    recordBuild(ROOT);
  }

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
  // The cookie a signed-in browser would carry, minted for the server this bench starts (lib/auth's
  // startSession needs a request): a session record plus the token naming it.
  const { createSession } = await import("@/lib/server/sessions/create-session");
  const { encodeSessionToken } = await import("@/lib/auth/session-token");
  const session = await createSession({ userId: user.id, method: "password", maxAgeSeconds: 3600 });
  const cookie = `next-auth.session-token=${await encodeSessionToken({
    user,
    sessionSecret: session.secret,
    secret,
    maxAgeSeconds: 3600,
  })}`;

  const port = String(3200 + Math.floor(Math.random() * 500));
  const base = `http://127.0.0.1:${port}`;
  // flock holds the shared build lock for as long as this server runs.
  const server = spawn(
    "flock",
    [LOCK, binPath("next"), "start", "--port", port, "--hostname", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: input.databaseUrl,
        AUTH_SECRET: secret,
        APP_URL: base,
        NEXTAUTH_URL: base,
        SECURE_COOKIES: "false",
        DATA_DIR: `.data/bench-${process.pid}`,
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
  try {
    await waitForHealth(base, server);
    const url = `${base}/w/${workspace.slug}`;
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
        "GET /w/<slug> (whole page: session, membership, layout, overview) on next start, autocannon from 127.0.0.1; " +
        "the overview is cached per workspace revision (latest audit sequence) and minute, so this is the steady state; " +
        "dashboardUncachedMedianMs is the overview loader without the cache (first request after a change), in process.",
    };
  } finally {
    // The whole group: flock and the next server under it.
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) =>
      server.exitCode === null ? server.once("exit", resolve) : resolve(null),
    );
    // Next finishes its in-flight work after SIGTERM: wait until the port is closed, so the
    // scratch database is not dropped under a live server.
    for (let i = 0; i < 40; i += 1) {
      const open = await fetch(`${base}/api/health`).then(
        () => true,
        () => false,
      );
      if (!open) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

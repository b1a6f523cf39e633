// Shared by the benches that measure the app from outside (bench/dashboard.ts, bench/load.ts): a
// current production build, a production server on a scratch database, a signed-in member's
// session cookie, and autocannon runs with their latency percentiles.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";

import autocannon from "autocannon";

import { buildIsCurrent, recordBuild } from "../scripts/lib/build-fingerprint";
import { binPath, ROOT, run } from "../scripts/lib/runtime";

/** Held while building and while a server runs on the build, so nobody rebuilds .next under it. */
export const BUILD_LOCK = "/tmp/srm-next.lock";

export function percentile(samples: number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export const roundMs = (ms: number | null) => (ms === null ? null : Math.round(ms * 100) / 100);

/** Measuring an older build would measure other code: rebuilds (under the lock) when stale. */
export async function ensureCurrentBuild(log: (line: string) => void): Promise<void> {
  if (buildIsCurrent(ROOT)) return;
  log("the production build is stale: next build …");
  await run("flock", [BUILD_LOCK, binPath("next"), "build"], {
    env: { ...process.env, NODE_ENV: "production" },
    quiet: true,
  });
  recordBuild(ROOT);
}

export type AppServer = { base: string; stop: () => Promise<void> };

/**
 * The production server as `npm start` runs it (scripts/serve-next.mjs on the existing build), on
 * 127.0.0.1:port against `databaseUrl`, under the build lock. Its stdout and stderr go to
 * `logFile` when given (to count errors afterwards), else stderr is passed through.
 */
export async function startAppServer(input: {
  databaseUrl: string;
  authSecret: string;
  port: number;
  logFile?: string;
  env?: Record<string, string>;
}): Promise<AppServer> {
  const base = `http://127.0.0.1:${input.port}`;
  const out = input.logFile ? openSync(input.logFile, "a") : "ignore";
  const err = input.logFile ? out : "inherit";
  const server = spawn(
    "flock",
    [
      BUILD_LOCK,
      process.execPath,
      "scripts/serve-next.mjs",
      "--port",
      String(input.port),
      "--hostname",
      "127.0.0.1",
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: input.databaseUrl,
        AUTH_SECRET: input.authSecret,
        APP_URL: base,
        NEXTAUTH_URL: base,
        SECURE_COOKIES: "false",
        DATA_DIR: `.data/bench-${process.pid}`,
        ...input.env,
      },
      stdio: ["ignore", out, err],
      detached: true,
    },
  );
  const stop = async () => {
    // The whole group: flock and the server under it.
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) =>
      server.exitCode === null ? server.once("exit", resolve) : resolve(null),
    );
    // The server finishes its in-flight work after SIGTERM: wait until the port is closed, so a
    // scratch database is not dropped under a live server.
    for (let i = 0; i < 40; i += 1) {
      const open = await fetch(`${base}/api/health`).then(
        () => true,
        () => false,
      );
      if (!open) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
      if (Date.now() > deadline) throw new Error("the server did not become healthy within 120 s");
      const healthy = await fetch(`${base}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

/**
 * The cookie a browser that signed in as `user` would carry: a session record plus the token
 * naming it, signed with the server's AUTH_SECRET (lib/auth's startSession needs a request).
 */
export async function sessionCookie(input: {
  user: { id: string; email: string; name: string };
  authSecret: string;
}): Promise<string> {
  const { createSession } = await import("@/lib/server/sessions/create-session");
  const { encodeSessionToken } = await import("@/lib/auth/session-token");
  const session = await createSession({
    userId: input.user.id,
    method: "password",
    maxAgeSeconds: 3600,
  });
  const token = await encodeSessionToken({
    user: input.user,
    sessionSecret: session.secret,
    secret: input.authSecret,
    maxAgeSeconds: 3600,
  });
  return `next-auth.session-token=${token}`;
}

export type AutocannonFigures = {
  requests: number;
  requestsPerSecond: number;
  medianMs: number | null;
  p95Ms: number | null;
  non2xx: number;
  errors: number;
  /** Mean bytes per response (headers and body) as autocannon read them. */
  bytesPerResponse: number | null;
};

/** One URL under `connections` connections for `duration` seconds; percentiles over every response. */
export async function autocannonRun(input: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  duration: number;
}): Promise<AutocannonFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: input.url,
        connections: input.connections,
        duration: input.duration,
        headers: input.headers,
      },
      (error, finished) => (error ? reject(error as Error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const responses = result.requests.total;
  return {
    requests: responses,
    requestsPerSecond: Math.round((responses / input.duration) * 10) / 10,
    medianMs: roundMs(percentile(latencies, 0.5)),
    p95Ms: roundMs(percentile(latencies, 0.95)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytesPerResponse: responses > 0 ? Math.round(result.throughput.total / responses) : null,
  };
}

// The app's launcher: `npm start`, `npm run dev` and the db:* scripts go through here so that the
// embedded database (no DATABASE_URL) and a PostgreSQL server (DATABASE_URL) work the same way.
//
//   start        build when needed, migrate, seed, serve the production build on PORT
//   dev          migrate, seed, run the dev server
//   migrate      apply migrations (prisma migrate deploy)
//   migrate-dev  create a migration from schema changes (needs a PostgreSQL server)
//   seed         run the idempotent seed
//   reset        drop all data, migrate and seed again
//   worker       a worker-only process: background jobs, no HTTP (needs a PostgreSQL server)
//   exec -- CMD  run CMD with DATABASE_URL and secrets set (used by command-line tools)
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { buildIsCurrent, recordBuild } from "./lib/build-fingerprint";
import { createMigration } from "./lib/create-migration";
import { resetJobSchema } from "./lib/reset-job-schema";
import {
  binPath,
  type Database,
  dataDir,
  ensureSecrets,
  migrate,
  openDatabase,
  ROOT,
  run,
  seed,
} from "./lib/runtime";

const command = process.argv[2] ?? "start";

function log(message: string) {
  process.stdout.write(`[launcher] ${message}\n`);
}

function childEnv(database: Database, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const port = process.env.PORT || "3000";
  return {
    ...process.env,
    ...ensureSecrets(),
    DATABASE_URL: database.url,
    PORT: port,
    APP_URL: process.env.APP_URL || `http://localhost:${port}`,
    NEXTAUTH_URL: process.env.APP_URL || `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // The demo workspace is opt-in in production mode; an embedded database is a local trial
    // install, so `npm start` on it opts in unless SEED_DEMO says otherwise.
    ...(database.embedded && !process.env.SEED_DEMO ? { SEED_DEMO: "true" } : {}),
    ...extra,
  };
}

async function waitForHealth(url: string, child: { exitCode: number | null }): Promise<boolean> {
  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function serve(database: Database, mode: "start" | "dev") {
  const env = childEnv(database, { NODE_ENV: mode === "start" ? "production" : "development" });
  log("applying migrations");
  await migrate(env);
  await seed(env);
  // The Docker image builds at image-build time and sets SKIP_BUILD so start-up never rebuilds.
  if (mode === "start" && process.env.SKIP_BUILD !== "true" && !buildIsCurrent(ROOT)) {
    log("building the app (sources changed since the last build)");
    await run(binPath("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
    recordBuild(ROOT);
  }
  const port = env.PORT as string;
  // Our own small server around Next's handler (scripts/serve-next.mjs): it records the TCP
  // peer in X-Forwarded-For, which the sign-in throttle and the audit log rely on.
  const serverArgs = [
    "scripts/serve-next.mjs",
    "--port",
    port,
    ...(mode === "dev" ? ["--dev"] : []),
  ];
  const child = spawn(process.execPath, serverArgs, {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${signal})`);
    if (child.exitCode === null) child.kill("SIGTERM");
    await new Promise((resolve) =>
      child.exitCode === null ? child.once("exit", resolve) : resolve(null),
    );
    await database.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  child.on("exit", async (code) => {
    if (stopping) return;
    await database.stop();
    log(`the server exited (code ${code})`);
    process.exit(code ?? 1);
  });
  const url = env.APP_URL as string;
  if (await waitForHealth(`http://127.0.0.1:${port}`, child)) {
    log(
      `ready on ${url} (database: ${database.embedded ? `embedded, ${path.join(dataDir(), "pglite")}` : "PostgreSQL server"})`,
    );
  }
}

// The embedded database lives inside the process that opened it (npm start), which already runs
// the workers; a second process cannot open it. So a worker process needs a PostgreSQL server.
function refuseEmbeddedWorker() {
  if (command === "worker" && !process.env.DATABASE_URL) {
    throw new Error(
      "npm run worker needs a PostgreSQL server (set DATABASE_URL): the embedded database can be opened by one process only, and `npm start` already runs the background jobs inside the app.",
    );
  }
}

async function worker(database: Database) {
  const env = childEnv(database, { NODE_ENV: process.env.NODE_ENV || "production" });
  log("applying migrations");
  await migrate(env);
  // node with tsx's loader, not the tsx command: the signal reaches the worker first-hand.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
    { cwd: ROOT, env, stdio: "inherit" },
  );
  // The worker handles SIGTERM/SIGINT itself (a terminal's Ctrl-C reaches it directly too).
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => forward("SIGINT"));
  process.on("SIGTERM", () => forward("SIGTERM"));
  child.on("exit", (code, signal) => {
    log(`the worker exited (${signal ?? `code ${code}`})`);
    process.exit(code ?? (signal ? 0 : 1));
  });
}

async function main() {
  refuseEmbeddedWorker();
  const database = await openDatabase();
  const env = childEnv(database);
  const closeAfter = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } finally {
      await database.stop();
    }
  };
  switch (command) {
    case "start":
    case "dev":
      return serve(database, command);
    case "worker":
      return worker(database);
    case "migrate":
      return closeAfter(() => migrate(env, false));
    case "migrate-dev":
      if (database.embedded) {
        await database.stop();
        throw new Error(
          "Creating migrations needs a PostgreSQL server (for the shadow database): set DATABASE_URL.",
        );
      }
      return closeAfter(() => createMigration({ env, name: migrationName() }));
    case "seed":
      return closeAfter(() => seed(env));
    case "reset":
      return closeAfter(async () => {
        if (database.embedded) {
          await database.stop();
          fs.rmSync(path.join(dataDir(), "pglite"), { recursive: true, force: true });
          return resetEmbedded();
        }
        await run(binPath("prisma"), ["migrate", "reset", "--force", "--skip-seed"], { env });
        // Prisma resets the "public" schema only; the job queue's jobs and schedules go too.
        await resetJobSchema(database.url);
        await seed(env);
      });
    case "exec": {
      const args = process.argv.slice(process.argv.indexOf("--") + 1);
      if (!args[0]) throw new Error("usage: launch exec -- <command> [args]");
      return closeAfter(() => run(args[0] as string, args.slice(1), { env }));
    }
    default:
      throw new Error(`unknown command "${command}"`);
  }
}

function migrationName(): string {
  const index = process.argv.indexOf("--name");
  const name = index >= 0 ? process.argv[index + 1] : undefined;
  if (!name) throw new Error("usage: npm run db:migrate:dev -- --name <change_name>");
  return name;
}

// After the embedded data directory is removed, a fresh database is opened, migrated and seeded.
async function resetEmbedded() {
  const fresh = await openDatabase();
  try {
    const env = childEnv(fresh);
    await migrate(env, false);
    await seed(env);
  } finally {
    await fresh.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[launcher] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

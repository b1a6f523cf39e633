// Two app processes (the production build, served by scripts/serve-next.mjs) on one PostgreSQL
// database, both running the background jobs, as behind a load balancer: an export started on
// either runs exactly once and completes although the process running it restarts in the middle;
// a job left by a process killed with SIGKILL is finished by the other; a schedule sends one job
// per occurrence.
// Needs TEST_DATABASE_URL: the embedded database can be opened by one process only.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect, test } from "@playwright/test";
import pg from "pg";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..");

test.describe.configure({ mode: "serial" });
test.skip(
  !process.env.TEST_DATABASE_URL,
  "two app processes need a PostgreSQL server (TEST_DATABASE_URL); the embedded database is opened by one process only",
);

type App = { name: string; port: number; url: string; child: ChildProcess; output: string[] };
type Seed = { workspaceId: string; slug: string; token: string };

let database: TestDatabase;
let dataDir: string;
let seed: Seed;
let client: pg.Client;
const apps: App[] = [];
const authSecret = randomBytes(32).toString("hex");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const appEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  DATABASE_POOL_SIZE: "4",
  DATA_DIR: dataDir,
  AUTH_SECRET: authSecret,
  NEXT_TELEMETRY_DISABLED: "1",
  JOBS_STOP_TIMEOUT_SECONDS: "1",
  // Every minute, so the test sees occurrences of a schedule with both processes up.
  COVERAGE_SNAPSHOT_CRON: "* * * * *",
  LOG_LEVEL: "warn",
});

async function startApp(name: string, port: number): Promise<App> {
  // As the launcher serves the app: our own server around Next's handler, whose SIGTERM path
  // drains requests and hands running jobs back (lib/server/lifecycle).
  const child = spawn(
    process.execPath,
    ["scripts/serve-next.mjs", "--port", String(port), "--hostname", "127.0.0.1"],
    { cwd: ROOT, env: { ...appEnv(), APP_URL: `http://127.0.0.1:${port}` }, stdio: "pipe" },
  );
  const app: App = { name, port, url: `http://127.0.0.1:${port}`, child, output: [] };
  child.stdout?.on("data", (chunk: Buffer) => app.output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => app.output.push(chunk.toString()));
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${app.output.join("")}`);
    const ok = await fetch(`${app.url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return app;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not start:\n${app.output.join("")}`);
}

async function stopApp(app: App, signal: NodeJS.Signals): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  const exited = new Promise((resolve) => app.child.once("exit", resolve));
  app.child.kill(signal);
  await exited;
}

async function restart(app: App): Promise<App> {
  const fresh = await startApp(app.name, app.port);
  apps[apps.indexOf(app)] = fresh;
  return fresh;
}

const api = (app: App, pathname: string, init: RequestInit = {}) =>
  fetch(`${app.url}${pathname}`, {
    ...init,
    headers: { authorization: `Bearer ${seed.token}`, "content-type": "application/json" },
  });

async function startExportOn(app: App): Promise<string> {
  const response = await api(app, "/api/v1/exports", { method: "POST", body: "{}" });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function row(exportId: string) {
  const { rows } = await client.query(
    `SELECT status, attempt, "claimedBy", "queueJobId", "storageKey" FROM "ExportJob" WHERE id = $1`,
    [exportId],
  );
  return rows[0] as {
    status: string;
    attempt: number;
    claimedBy: string | null;
    queueJobId: string;
    storageKey: string | null;
  };
}

async function poll<T>(check: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Export storage of the local driver under DATA_DIR: finished objects and temporary files. */
async function exportStorage() {
  const root = path.join(dataDir, "exports");
  const objects = (
    await readdir(path.join(root, "objects"), { recursive: true, withFileTypes: true }).catch(
      () => [],
    )
  )
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const temporary = await readdir(path.join(root, "tmp")).catch(() => [] as string[]);
  return { objects, temporary };
}

/** Waits until some process writes the export's bundle, and returns that process. */
async function runnerOf(exportId: string): Promise<App> {
  const claimedBy = await poll(
    async () => {
      const current = await row(exportId);
      // One export at a time here: a temporary file in export storage is its attempt writing.
      const writing = (await exportStorage()).temporary.length > 0;
      return current.status === "RUNNING" && writing ? current.claimedBy : undefined;
    },
    30_000,
    "a process to write the bundle",
  );
  const pid = Number(claimedBy?.split(":").at(-1));
  const runner = apps.find((app) => app.child.pid === pid);
  if (!runner) throw new Error(`no app process has pid ${pid}`);
  return runner;
}

async function doneVia(app: App, exportId: string, ms: number) {
  return poll(
    async () => {
      const response = await api(app, `/api/v1/exports/${exportId}`);
      const body = (await response.json()) as { state: string };
      return body.state === "DONE" ? body : undefined;
    },
    ms,
    `export ${exportId} to be done`,
  );
}

/**
 * Exactly once: one completed queue job, one bundle in storage and it is the row's (each attempt
 * writes its own object, so a second bundle would show as an object no row owns), no failure.
 * What a killed attempt was writing stays only under a ledger entry, for the storage sweep.
 */
async function expectRanOnce(exportId: string, via: App) {
  const { queueJobId, storageKey } = await row(exportId);
  const jobs = await client.query(`SELECT state FROM pgboss.job WHERE id = $1`, [queueJobId]);
  expect(jobs.rows).toEqual([{ state: "completed" }]);
  const { objects, temporary } = await exportStorage();
  expect(objects).toContain(storageKey);
  const owners = await client.query(
    `SELECT "storageKey" FROM "ExportJob" WHERE "storageKey" IS NOT NULL`,
  );
  expect(objects.sort()).toEqual(owners.rows.map((r) => r.storageKey as string).sort());
  const pending = await client.query(`SELECT key FROM "PendingObject" WHERE area = 'EXPORTS'`);
  const ledger = pending.rows.map((r) => r.key as string);
  for (const name of temporary) expect(ledger).toContain(name.replace(/\.part$/, ""));
  const failures = await client.query(`SELECT 1 FROM "FailedJob" WHERE "subjectId" = $1`, [
    exportId,
  ]);
  expect(failures.rowCount).toBe(0);
  const download = await api(via, `/api/v1/exports/${exportId}/download`);
  expect(download.status).toBe(200);
  const zip = path.join(dataDir, `${exportId}-download.zip`);
  await writeFile(zip, Buffer.from(await download.arrayBuffer()));
  await run(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/export-verify.ts", zip], {
    cwd: ROOT,
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createTestDatabase("srm_procs");
  dataDir = await mkdtemp(path.join(os.tmpdir(), "srm-procs-"));
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "tests/e2e/support/seed-export-workspace.ts",
      "--files",
      "600",
    ],
    { cwd: ROOT, env: appEnv(), maxBuffer: 1024 * 1024 },
  );
  seed = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Seed;
  const [portA, portB] = [await freePort(), await freePort()];
  apps.push(...(await Promise.all([startApp("A", portA), startApp("B", portB)])));
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => stopApp(app, "SIGKILL")));
  await client?.end();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

test("an export runs once and completes although the process running it restarts", async () => {
  test.setTimeout(120_000);
  const [a, b] = apps as [App, App];
  const exportId = await startExportOn(a);
  const runner = await runnerOf(exportId);
  await stopApp(runner, "SIGTERM");
  // Handed back on the way out, not left RUNNING.
  expect(await row(exportId)).toMatchObject({ status: "QUEUED", claimedBy: null });
  const restarted = await restart(runner);
  const other = restarted.name === "A" ? b : a;
  await doneVia(other, exportId, 60_000);
  expect((await row(exportId)).attempt).toBeGreaterThanOrEqual(1);
  await expectRanOnce(exportId, restarted);

  // Started on the other process, left alone: done once too.
  const second = await startExportOn(apps[1] as App);
  await doneVia(apps[0] as App, second, 60_000);
  await expectRanOnce(second, apps[1] as App);
});

test("a job left by a process killed with SIGKILL is finished by the other", async () => {
  test.setTimeout(120_000);
  const exportId = await startExportOn(apps[1] as App);
  const runner = await runnerOf(exportId);
  await stopApp(runner, "SIGKILL");
  const killedAt = Date.now();
  const survivor = apps.find((app) => app !== runner) as App;
  await doneVia(survivor, exportId, 60_000);
  expect(Date.now() - killedAt).toBeLessThan(60_000);
  expect(await row(exportId)).toMatchObject({
    attempt: 1,
    claimedBy: expect.stringMatching(new RegExp(`:${survivor.child.pid}$`)),
  });
  await expectRanOnce(exportId, survivor);
  await restart(runner);
});

test("a schedule sends one job per occurrence with both processes running it", async () => {
  test.setTimeout(120_000);
  // Both processes declared the every-minute schedule at start and run the cron pass. pg-boss files
  // each occurrence under its minute (a unique key), then sends the kind's job from it.
  const counts = async () => {
    const { rows } = await client.query(
      `SELECT
         (SELECT count(*)::int FROM pgboss.job
           WHERE name = '__pgboss__send-it' AND data->>'name' = 'coverage-snapshots') AS occurrences,
         (SELECT count(DISTINCT singleton_on)::int FROM pgboss.job
           WHERE name = '__pgboss__send-it' AND data->>'name' = 'coverage-snapshots') AS minutes,
         (SELECT count(*)::int FROM pgboss.job WHERE name = 'coverage-snapshots') AS jobs`,
    );
    return rows[0] as { occurrences: number; minutes: number; jobs: number };
  };
  const seen = await poll(
    async () => {
      const now = await counts();
      return now.minutes >= 2 && now.jobs === now.occurrences ? now : undefined;
    },
    90_000,
    "two occurrences sent",
  );
  // One occurrence per minute and one job per occurrence, with two processes running the pass.
  expect(seen.occurrences).toBe(seen.minutes);
  expect(seen.jobs).toBe(seen.occurrences);
  const snapshots = await poll(
    async () => {
      const { rows } = await client.query(
        `SELECT day::text FROM "CoverageSnapshot" WHERE "workspaceId" = $1`,
        [seed.workspaceId],
      );
      return rows.length > 0 ? rows : undefined;
    },
    30_000,
    "the snapshot",
  );
  // One snapshot a day, however many occurrences and processes.
  expect(snapshots).toHaveLength(1);
});

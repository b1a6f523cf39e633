// Crash safety for real: a worker process (`scripts/worker.ts`, as `npm run worker` runs it) takes
// an export and is killed with SIGKILL in the middle of writing the bundle. Another process (this
// one) notices that the dead attempt's heartbeat stopped and finishes the export within a minute;
// nothing stays RUNNING, and what the dead attempt had written is removed by the storage sweep.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { startExport } from "@/lib/server/exports/start-export";
import { startJobQueue } from "@/lib/server/jobs/job-queue";
import { sweepStorage } from "@/lib/server/storage/sweep-storage";
import { exportStorageRoot } from "@/lib/storage/evidence-storage";
import { exportScopeSchema } from "@/lib/validation/exports";
import { ROOT } from "@/scripts/lib/runtime";
import { exportEnded, waitFor } from "@/tests/support/job-queue";

import { addEvidenceFiles } from "../support/evidence-fixtures";
import { bundleFile, createExportWorld, type ExportWorld } from "./export-fixtures";

let world: ExportWorld;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  world = await createExportWorld("kill");
  // Enough bytes that building the bundle takes a moment to stop it in.
  await addEvidenceFiles(world, 300, 64 * 1024, { random: true });
});

afterAll(() => {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
});

// Node itself with tsx's loader (not the tsx command, which would put a wrapper process between
// the test and the worker and catch the signals).
function startWorker(): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
        LOG_LEVEL: "silent",
        NODE_ENV: "production",
      },
      stdio: "ignore",
    },
  );
}

it("finishes an export whose worker was killed mid-bundle, within a minute", async () => {
  const child = (worker = startWorker());
  const started = await startExport({
    workspaceId: world.workspace.id,
    role: "OWNER",
    actor: world.actor,
    requestedById: world.user.id,
    scope: exportScopeSchema.parse({}),
  });
  // The worker has claimed the export and is writing the bundle (a temporary file of export
  // storage has bytes): freeze it right there.
  const tmp = path.join(exportStorageRoot(), "tmp");
  const writing = async () => {
    for (const name of await readdir(tmp).catch(() => [])) {
      if ((await stat(path.join(tmp, name)).catch(() => null))?.size) return name;
    }
    return undefined;
  };
  const partial = await waitFor(writing, {
    timeoutMs: 60_000,
    intervalMs: 5,
    what: "the worker to start writing the bundle",
  });
  child.kill("SIGSTOP");
  const running = await db.exportJob.findUniqueOrThrow({ where: { id: started.id } });
  expect(running).toMatchObject({ status: "RUNNING", attempt: 0 });
  expect(running.claimedBy).toMatch(new RegExp(`:${child.pid}$`));
  expect(running.progress).toBeLessThan(100);
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  const killedAt = Date.now();

  // Another process with workers takes over (its supervisor fails the silent attempt, the retry
  // claims the export).
  await startJobQueue({ work: true, kinds: [exportBundleJob] });
  const done = await exportEnded(world.workspace.id, started.id, 60_000);
  const seconds = (Date.now() - killedAt) / 1000;
  process.stdout.write(`export-kill: finished ${seconds.toFixed(1)} s after the kill\n`);
  expect(seconds).toBeLessThan(60);
  expect(done).toMatchObject({ status: "DONE", attempt: 1, progress: 100, error: null });
  expect(done.claimedBy).toMatch(new RegExp(`:${process.pid}$`));
  const dir = await mkdtemp(path.join(os.tmpdir(), "srm-export-kill-"));
  expect((await verifyBundle(await bundleFile(done, dir))).ok).toBe(true);
  await rm(dir, { recursive: true, force: true });
  expect(await db.failedJob.count({ where: { subjectId: started.id } })).toBe(0);
  // The dead attempt's bytes wait for the storage sweep, which takes them once their ledger entry
  // has gone stale (simulated: "an hour later").
  expect(await readdir(tmp)).toContain(partial);
  await sweepStorage({ now: new Date(Date.now() + 3_600_000) });
  expect(await readdir(tmp)).not.toContain(partial);
  expect(await db.pendingObject.count()).toBe(0);
}, 120_000);

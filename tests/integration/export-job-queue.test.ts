// Exports as jobs on the real queue: the row and its job are written together, an attempt claims
// the export conditionally (so duplicates and late attempts change nothing), a failure a retry
// may cure is retried with backoff and the retry finishes the export, a permanent failure ends
// FAILED with its reason and a failed-job record, and a stop hands a running export back.
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { recoverLostExportsJob } from "@/lib/server/exports/export-maintenance-jobs";
import {
  failExportJob,
  runExportJob,
  UNEXPECTED_EXPORT_FAILURE,
} from "@/lib/server/exports/run-export-job";
import { startExport } from "@/lib/server/exports/start-export";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, startJobQueue } from "@/lib/server/jobs/job-queue";
import { exportStorageRoot } from "@/lib/storage/evidence-storage";
import { exportScopeSchema } from "@/lib/validation/exports";
import { exportEnded, waitFor } from "@/tests/support/job-queue";

import { bundleFile, createExportWorld, exportFiles, type ExportWorld } from "./export-fixtures";

let world: ExportWorld;
let dir: string;
// A file where export storage keeps its temporary files: writing a bundle fails until it goes.
const blocker = () => path.join(exportStorageRoot(), "tmp");
const block = async () => {
  await rm(blocker(), { recursive: true, force: true });
  await writeFile(blocker(), "in the way");
};
const verified = async (done: { id: string; storageKey: string | null }) =>
  (await verifyBundle(await bundleFile(done, dir))).ok;
const everything = exportScopeSchema.parse({});

beforeAll(async () => {
  world = await createExportWorld("queue");
  dir = await mkdtemp(path.join(os.tmpdir(), "srm-export-queue-"));
  await startJobQueue({ work: true, kinds: [exportBundleJob, recoverLostExportsJob] });
});

// The tests that block export storage with a file remove it; a failed one must not leave it.
afterEach(async () => {
  const found = await stat(blocker()).catch(() => null);
  if (found?.isFile()) await rm(blocker());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const start = () =>
  startExport({
    workspaceId: world.workspace.id,
    role: "OWNER",
    actor: world.actor,
    requestedById: world.user.id,
    scope: everything,
  });

const queueJob = async (id: string) =>
  (await (await jobQueue()).findJobs(exportBundleJob.name, { id }))[0];

/** An export row in the given state with no queue job, for driving runExportJob directly. */
const exportRow = (data: { status?: "QUEUED" | "RUNNING"; attempt?: number } = {}) =>
  db.exportJob.create({
    data: { workspaceId: world.workspace.id, scope: everything, requestedByLabel: "test", ...data },
  });

describe("an export on the job queue", () => {
  it("is written with its job in one transaction and built once", async () => {
    const started = await start();
    const row = await db.exportJob.findUniqueOrThrow({ where: { id: started.id } });
    expect(row.queueJobId).toMatch(/^[0-9a-f-]{36}$/);
    const done = await exportEnded(world.workspace.id, started.id);
    expect(done).toMatchObject({ status: "DONE", attempt: 0, progress: 100 });
    expect(done.claimedBy).toMatch(new RegExp(`:${process.pid}$`));
    expect(await verified(done)).toBe(true);
    const job = await waitFor(async () => {
      const found = await queueJob(row.queueJobId ?? "");
      return found?.state === "completed" ? found : undefined;
    });
    expect(job.retryCount).toBe(0);
  });

  it("runs an attempt's effect once: a duplicate or a late attempt changes nothing", async () => {
    const row = await exportRow();
    const before = await exportFiles();
    await Promise.all([
      runExportJob({ jobId: row.id, workspaceId: world.workspace.id }),
      runExportJob({ jobId: row.id, workspaceId: world.workspace.id }),
    ]);
    const done = await db.exportJob.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ status: "DONE", attempt: 0 });
    // One bundle in storage: the losing duplicate wrote nothing, or deleted what it wrote.
    const added = (await exportFiles()).filter((key) => !before.includes(key));
    expect(added).toEqual([done.storageKey]);
    // An attempt arriving after the end (a retry of a job that in fact finished) does nothing.
    await runExportJob({ jobId: row.id, workspaceId: world.workspace.id, attempt: 1 });
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: row.id } })).toEqual(done);
  });

  it("lets a retry take over an export left RUNNING by a dead attempt, and not the reverse", async () => {
    const row = await exportRow({ status: "RUNNING", attempt: 0 });
    const before = await exportFiles();
    // An attempt older than the holder is refused.
    await db.exportJob.update({ where: { id: row.id }, data: { attempt: 2 } });
    await runExportJob({ jobId: row.id, workspaceId: world.workspace.id, attempt: 1 });
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "RUNNING",
      attempt: 2,
    });
    // A newer one takes it over and finishes (what dead attempts wrote is the storage sweep's).
    await runExportJob({ jobId: row.id, workspaceId: world.workspace.id, attempt: 3 });
    const done = await db.exportJob.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ status: "DONE", attempt: 3 });
    expect((await exportFiles()).filter((key) => !before.includes(key))).toEqual([done.storageKey]);
  });

  it("retries after a failure a retry may cure, and the retry finishes the export", async () => {
    await block();
    const started = await start();
    const row = await db.exportJob.findUniqueOrThrow({ where: { id: started.id } });
    const retrying = await waitFor(
      async () => {
        const job = await queueJob(row.queueJobId ?? "");
        return job?.state === "retry" ? job : undefined;
      },
      { what: "the first attempt to fail" },
    );
    expect(retrying.output).toMatchObject({ reason: expect.stringMatching(/unexpected error/) });
    // Handed back, not failed: the page shows it queued again.
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({
      status: "QUEUED",
      error: null,
    });
    await rm(blocker(), { force: true });
    const done = await exportEnded(world.workspace.id, started.id, 40_000);
    expect(done).toMatchObject({ status: "DONE", attempt: 1, error: null });
    expect(await verified(done)).toBe(true);
    expect(await db.failedJob.count({ where: { subjectId: started.id } })).toBe(0);
  }, 60_000);

  it("fails at once with its reason when retrying cannot help, and records the failure", async () => {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.exportJob.create({
        data: {
          workspaceId: world.workspace.id,
          scope: { includeFiles: true, systemIds: ["deleted-system"] },
          requestedByLabel: "test",
        },
      });
      await enqueueJob(
        exportBundleJob,
        { workspaceId: world.workspace.id, exportId: created.id },
        { tx },
      );
      return created;
    });
    const failed = await exportEnded(world.workspace.id, row.id);
    expect(failed).toMatchObject({
      status: "FAILED",
      attempt: 0,
      error: "One of the chosen AI systems does not exist in this workspace.",
    });
    const record = await waitFor(() => db.failedJob.findFirst({ where: { subjectId: row.id } }));
    expect(record).toMatchObject({
      workspaceId: world.workspace.id,
      kind: "export-bundle",
      attempts: 1,
      reason: "One of the chosen AI systems does not exist in this workspace.",
    });
  });

  it("on the last attempt an unexpected failure ends FAILED; the dead letter step fails a held export", async () => {
    const last = await exportRow();
    await block();
    await expect(
      runExportJob({ jobId: last.id, workspaceId: world.workspace.id, finalAttempt: true }),
    ).rejects.toThrow();
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
      status: "FAILED",
      error: UNEXPECTED_EXPORT_FAILURE,
    });
    await rm(blocker(), { force: true });

    const held = await exportRow({ status: "RUNNING", attempt: 3 });
    const reason =
      "The process running this job stopped (it crashed, was killed or lost its database connection).";
    expect(await failExportJob({ jobId: held.id, workspaceId: world.workspace.id, reason })).toBe(
      true,
    );
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({
      status: "FAILED",
      error: `${reason} Start the export again.`,
    });
    // A finished export is never failed afterwards.
    expect(await failExportJob({ jobId: held.id, workspaceId: world.workspace.id, reason })).toBe(
      false,
    );
  });

  it("is handed back (QUEUED, no files) when the queue stops its attempt", async () => {
    // The queue aborts an attempt's signal when it stops the process past its grace (the queue's
    // own test shows that part) or when the attempt outruns its time limit.
    const row = await exportRow();
    const before = await exportFiles();
    const stop = new AbortController();
    stop.abort(new Error("pg-boss shut down while active"));
    await expect(
      runExportJob({
        jobId: row.id,
        workspaceId: world.workspace.id,
        attempt: 0,
        finalAttempt: false,
        signal: stop.signal,
      }),
    ).rejects.toThrow("pg-boss shut down while active");
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "QUEUED",
      progress: 0,
      claimedBy: null,
      error: null,
    });
    expect(await exportFiles()).toEqual(before);
    // The retry takes it from there.
    await runExportJob({ jobId: row.id, workspaceId: world.workspace.id, attempt: 1 });
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "DONE",
      attempt: 1,
    });
  });

  it("recovers exports whose job was lost: a queued one gets a job, a running one fails", async () => {
    const old = new Date(Date.now() - 10 * 60 * 1000);
    const orphan = await db.exportJob.create({
      data: {
        workspaceId: world.workspace.id,
        scope: everything,
        requestedByLabel: "before the queue",
        createdAt: old,
      },
    });
    const lost = await db.exportJob.create({
      data: {
        workspaceId: world.workspace.id,
        scope: everything,
        requestedByLabel: "lost",
        status: "RUNNING",
        queueJobId: "00000000-0000-4000-8000-000000000000",
        createdAt: old,
      },
    });
    const fresh = await exportRow({ status: "RUNNING" });
    await enqueueJob(recoverLostExportsJob, {});
    const failed = await exportEnded(world.workspace.id, lost.id);
    expect(failed).toMatchObject({
      status: "FAILED",
      error: "The background job building this export was lost. Start the export again.",
    });
    const adopted = await exportEnded(world.workspace.id, orphan.id);
    expect(adopted).toMatchObject({ status: "DONE", queueJobId: expect.any(String) });
    // A young export is left to its job.
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({
      status: "RUNNING",
    });
  });
});

// Cleanup as jobs: a purged item's file is deleted by its own job, which keeps the file's key until
// the file is gone (so a storage failure is retried, never forgotten); the sweep deletes what
// interrupted work left behind (idle upload part files, export files no running attempt owns,
// purged files whose job was lost) and nothing that is still in use.
import { mkdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { deleteEvidenceFileJob } from "@/lib/server/evidence/delete-evidence-file-job";
import { deletePurgedEvidenceFile } from "@/lib/server/evidence/delete-purged-evidence-file";
import { purgeEvidence } from "@/lib/server/evidence/purge-evidence";
import { uploadFileEvidence } from "@/lib/server/evidence/upload-file-evidence";
import { exportDir, exportFilePath } from "@/lib/server/exports/export-paths";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";
import { sweepTempFilesJob } from "@/lib/server/jobs/sweep-temp-files-job";
import { evidenceStorage, evidenceStorageRoot } from "@/lib/storage/evidence-storage";

import {
  createEvidenceWorld,
  type EvidenceWorld,
  objectPath,
  pdfBytes,
  streamOf,
} from "../support/evidence-fixtures";
import { waitFor } from "../support/job-queue";

let world: EvidenceWorld;

beforeAll(async () => {
  world = await createEvidenceWorld("cleanup");
});

async function purgedItem(): Promise<{ id: string; key: string }> {
  const item = await uploadFileEvidence({
    workspaceId: world.workspace.id,
    actor: world.actor,
    fields: { kind: "FILE", title: "To purge" },
    file: { source: streamOf(pdfBytes()), fileName: "old.pdf" },
  });
  const row = await db.evidence.findFirstOrThrow({ where: { id: item.id } });
  await deleteEvidence({
    workspaceId: world.workspace.id,
    actor: world.actor,
    evidenceId: item.id,
  });
  await purgeEvidence({ workspaceId: world.workspace.id, actor: world.actor, evidenceId: item.id });
  return { id: item.id, key: row.storageKey ?? "" };
}

const ago = async (file: string, minutes: number) => {
  const when = new Date(Date.now() - minutes * 60_000);
  await utimes(file, when, when);
};
const exists = async (file: string) => Boolean(await stat(file).catch(() => null));

describe("deleting a purged item's file", () => {
  it("keeps the key while the storage fails, and a retry deletes the file", async () => {
    await stopJobQueue({ timeoutSeconds: 1 });
    const { id, key } = await purgedItem();
    // The storage cannot delete the object: a directory stands where its file was.
    await rm(objectPath(key));
    await mkdir(objectPath(key));
    await startJobQueue({ work: true, kinds: [deleteEvidenceFileJob] });
    const [job] = await (
      await jobQueue()
    ).findJobs(deleteEvidenceFileJob.name, {
      data: { evidenceId: id },
    });
    await waitFor(
      async () =>
        (await (await jobQueue()).findJobs(deleteEvidenceFileJob.name, { id: job?.id }))[0]
          ?.state === "retry",
      { what: "the deletion to fail once" },
    );
    expect(await db.evidence.findFirstOrThrow({ where: { id } })).toMatchObject({
      storageKey: key,
      purgedAt: expect.any(Date),
    });
    // What the retry does, once the storage works again.
    await rm(objectPath(key), { recursive: true });
    await writeFile(objectPath(key), "the file");
    expect(
      await deletePurgedEvidenceFile({ workspaceId: world.workspace.id, evidenceId: id }),
    ).toBe(true);
    expect(await evidenceStorage().exists(key)).toBe(false);
    expect(await db.evidence.findFirstOrThrow({ where: { id } })).toMatchObject({
      storageKey: null,
    });
    // And again: nothing left to do.
    expect(
      await deletePurgedEvidenceFile({ workspaceId: world.workspace.id, evidenceId: id }),
    ).toBe(false);
    // Another workspace's id deletes nothing.
    expect(await deletePurgedEvidenceFile({ workspaceId: "other", evidenceId: id })).toBe(false);
  });
});

describe("the temporary-file sweep", () => {
  it("deletes what interrupted work left behind and keeps what is in use", async () => {
    await stopJobQueue({ timeoutSeconds: 1 });
    const ws = world.workspace.id;
    // Upload part files: one idle for two hours (its upload died), one being written.
    const tmp = path.join(evidenceStorageRoot(), "tmp");
    await mkdir(tmp, { recursive: true });
    const deadPart = path.join(tmp, `${"a".repeat(32)}.part`);
    const livePart = path.join(tmp, `${"b".repeat(32)}.part`);
    await writeFile(deadPart, "half an upload");
    await writeFile(livePart, "an upload in progress");
    await ago(deadPart, 120);

    // Export files: the partial file of a running attempt stays; the partial file of a dead
    // attempt, of a failed export and a bundle no attempt owns go; a finished bundle stays.
    const running = await db.exportJob.create({
      data: { workspaceId: ws, scope: {}, requestedByLabel: "t", status: "RUNNING", attempt: 1 },
    });
    const failed = await db.exportJob.create({
      data: { workspaceId: ws, scope: {}, requestedByLabel: "t", status: "FAILED" },
    });
    const done = await db.exportJob.create({
      data: { workspaceId: ws, scope: {}, requestedByLabel: "t", status: "DONE", attempt: 2 },
    });
    await mkdir(exportDir(ws), { recursive: true });
    const files = {
      livePartial: `${exportFilePath(ws, running.id, 1)}.partial`,
      deadAttempt: `${exportFilePath(ws, running.id, 0)}.partial`,
      failedPartial: `${exportFilePath(ws, failed.id, 0)}.partial`,
      bundle: exportFilePath(ws, done.id, 2),
      strayBundle: exportFilePath(ws, done.id, 1),
      unknown: path.join(exportDir(ws), "notes.txt"),
    };
    for (const file of Object.values(files)) {
      await writeFile(file, "bytes");
      await ago(file, 5);
    }

    // A purged item whose deletion job was lost, an hour and more ago.
    const lost = await purgedItem();
    await (await jobQueue()).deleteAllJobs(deleteEvidenceFileJob.name);
    await db.evidence.update({
      where: { id: lost.id },
      data: { purgedAt: new Date(Date.now() - 2 * 3_600_000) },
    });

    await startJobQueue({ work: true, kinds: [sweepTempFilesJob] });
    const id = await enqueueJob(sweepTempFilesJob, {});
    await waitFor(
      async () =>
        (await (await jobQueue()).findJobs(sweepTempFilesJob.name, { id }))[0]?.state ===
        "completed",
      { what: "the sweep" },
    );
    expect(await exists(deadPart)).toBe(false);
    expect(await exists(livePart)).toBe(true);
    expect(await exists(files.livePartial)).toBe(true);
    expect(await exists(files.deadAttempt)).toBe(false);
    expect(await exists(files.failedPartial)).toBe(false);
    expect(await exists(files.bundle)).toBe(true);
    expect(await exists(files.strayBundle)).toBe(false);
    expect(await exists(files.unknown)).toBe(true);
    expect(await evidenceStorage().exists(lost.key)).toBe(false);
    expect(await db.evidence.findFirstOrThrow({ where: { id: lost.id } })).toMatchObject({
      storageKey: null,
    });
  });
});

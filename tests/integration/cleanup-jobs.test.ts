// Cleanup as jobs: a purged item's file is deleted by its own job, which keeps the file's key until
// the file is gone (so a storage failure is retried, never forgotten); the one storage sweep
// deletes what interrupted work left behind (idle upload part files, objects of export attempts
// that died, orphans, leftovers of the pre-storage export layout, purged files whose job was
// lost) and nothing that is still in use.
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
import { sweepStorageJob } from "@/lib/server/storage/sweep-storage-job";
import {
  evidenceStorage,
  evidenceStorageRoot,
  exportStorage,
  exportStorageRoot,
} from "@/lib/storage/evidence-storage";
import { newObjectKey } from "@/lib/storage/storage";

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

describe("the storage sweep job", () => {
  it("deletes what interrupted work left behind and keeps what is in use", async () => {
    await stopJobQueue({ timeoutSeconds: 1 });
    const ws = world.workspace.id;
    // Upload part files: one idle for two hours (its upload died), one being written.
    const tmp = path.join(evidenceStorageRoot(), "tmp");
    await mkdir(tmp, { recursive: true });
    const deadDuty = path.join(tmp, `${"a".repeat(32)}.part`);
    const liveDuty = path.join(tmp, `${"b".repeat(32)}.part`);
    await writeFile(deadDuty, "half an upload");
    await writeFile(liveDuty, "an upload in progress");
    await ago(deadDuty, 120);

    // Export bundles in storage, one object per attempt: the object of a running attempt (its
    // ledger entry is fresh) stays; the object of a dead earlier attempt (its entry went stale)
    // and a bundle no row and no entry claims go; a finished export's bundle stays.
    const exports = exportStorage();
    const bundle = async (key: string, minutes: number) => {
      await exports.put(key, streamOf(pdfBytes(200)), { maxBytes: 1000 });
      await ago(
        path.join(exportStorageRoot(), "objects", key.slice(0, 2), key.slice(2, 4), key),
        minutes,
      );
      return key;
    };
    await db.exportJob.create({
      data: { workspaceId: ws, scope: {}, requestedByLabel: "t", status: "RUNNING", attempt: 1 },
    });
    const liveAttempt = await bundle(newObjectKey(), 120);
    await db.pendingObject.create({ data: { area: "EXPORTS", key: liveAttempt } });
    const deadAttempt = await bundle(newObjectKey(), 120);
    await db.pendingObject.create({
      data: { area: "EXPORTS", key: deadAttempt, touchedAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    const finished = await bundle(newObjectKey(), 120);
    await db.exportJob.create({
      data: {
        workspaceId: ws,
        scope: {},
        requestedByLabel: "t",
        status: "DONE",
        attempt: 2,
        storageKey: finished,
      },
    });
    const stray = await bundle(newObjectKey(), 120);

    // Bundles of the layout before object storage: one a DONE row still names stays, as do a
    // fresh file and a file of another shape; a partial file of an interrupted build and a bundle
    // whose row is gone go.
    const failed = await db.exportJob.create({
      data: { workspaceId: ws, scope: {}, requestedByLabel: "t", status: "FAILED" },
    });
    const legacyDone = await db.exportJob.create({
      data: {
        workspaceId: ws,
        scope: {},
        requestedByLabel: "t",
        status: "DONE",
        filePath: exportFilePath(ws, "legacydone"),
      },
    });
    await mkdir(exportDir(ws), { recursive: true });
    const legacy = {
      named: legacyDone.filePath ?? "",
      failedPartial: `${exportFilePath(ws, failed.id)}.partial`,
      rowGone: exportFilePath(ws, "rowgone"),
      fresh: `${exportFilePath(ws, "fresh")}.partial`,
      unknown: path.join(exportDir(ws), "notes.txt"),
    };
    for (const file of Object.values(legacy)) {
      await writeFile(file, "bytes");
      await ago(file, file === legacy.fresh ? 5 : 120);
    }

    // A purged item whose deletion job was lost, an hour and more ago.
    const lost = await purgedItem();
    await (await jobQueue()).deleteAllJobs(deleteEvidenceFileJob.name);
    await db.evidence.update({
      where: { id: lost.id },
      data: { purgedAt: new Date(Date.now() - 2 * 3_600_000) },
    });

    await startJobQueue({ work: true, kinds: [sweepStorageJob] });
    const id = await enqueueJob(sweepStorageJob, {});
    await waitFor(
      async () =>
        (await (await jobQueue()).findJobs(sweepStorageJob.name, { id }))[0]?.state === "completed",
      { what: "the sweep" },
    );
    expect(await exists(deadDuty)).toBe(false);
    expect(await exists(liveDuty)).toBe(true);
    expect(await exports.exists(liveAttempt)).toBe(true);
    expect(await exports.exists(deadAttempt)).toBe(false);
    expect(await exports.exists(finished)).toBe(true);
    expect(await exports.exists(stray)).toBe(false);
    expect(await db.pendingObject.findMany({ select: { key: true } })).toEqual([
      { key: liveAttempt },
    ]);
    expect(await exists(legacy.named)).toBe(true);
    expect(await exists(legacy.failedPartial)).toBe(false);
    expect(await exists(legacy.rowGone)).toBe(false);
    expect(await exists(legacy.fresh)).toBe(true);
    expect(await exists(legacy.unknown)).toBe(true);
    expect(await evidenceStorage().exists(lost.key)).toBe(false);
    expect(await db.evidence.findFirstOrThrow({ where: { id: lost.id } })).toMatchObject({
      storageKey: null,
    });
    await db.pendingObject.deleteMany({ where: { key: liveAttempt } });
  });
});

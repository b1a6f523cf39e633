// The invariant "never an Evidence row without its stored file, nor a stored file without its row"
// on the local driver: processes killed with SIGKILL at different moments of an upload, the sweep
// afterwards, and the race between a slow writer and the sweep.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, readdir, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { storeEvidenceFile } from "@/lib/server/evidence/store-evidence-file";
import { createFileEvidence } from "@/lib/server/evidence/upload-file-evidence";
import { releaseObject } from "@/lib/server/storage/pending-objects";
import { sweepStorage } from "@/lib/server/storage/sweep-storage";
import { evidenceStorage, evidenceStorageRoot } from "@/lib/storage/evidence-storage";

import {
  createEvidenceWorld,
  evidenceRowCount,
  type EvidenceWorld,
  pdfBytes,
  storedFiles,
  streamOf,
} from "../support/evidence-fixtures";

let world: EvidenceWorld;
const children: ChildProcess[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  world = await createEvidenceWorld("sweep");
});

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

/** Starts the upload child and waits until it reached `moment`; resolves with the process. */
function startUploader(moment: "streaming" | "stored"): Promise<ChildProcess> {
  // node itself with tsx's loader: the tsx command would run the script in a grandchild that a
  // SIGKILL of the child does not reach.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/support/upload-child.ts", moment],
    { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`upload child exited early (${code})`)));
    if (moment === "stored") {
      child.stdout?.on("data", (data: Buffer) => {
        if (data.toString().includes("STORED")) resolve(child);
      });
      return;
    }
    const tmp = path.join(evidenceStorageRoot(), "tmp");
    const poll = setInterval(async () => {
      const names = await readdir(tmp).catch(() => []);
      for (const name of names) {
        if ((await stat(path.join(tmp, name)).catch(() => null))?.size) {
          clearInterval(poll);
          resolve(child);
        }
      }
    }, 50);
  });
}

async function kill9(child: ChildProcess) {
  child.removeAllListeners("exit");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

describe("kill -9 during an upload", () => {
  it.each(["streaming", "stored"] as const)(
    "killed while %s: the sweep leaves neither file nor row behind",
    async (moment) => {
      const files = await storedFiles();
      const rows = await evidenceRowCount(world.workspace.id);
      await kill9(await startUploader(moment));
      // What the dead process left: a ledger entry and its bytes (temporary or complete).
      const pending = await db.pendingObject.findMany();
      expect(pending).toHaveLength(1);
      expect(await storedFiles()).not.toEqual(files);
      expect(await evidenceRowCount(world.workspace.id)).toBe(rows);

      // Within the stale period nothing is touched: the writer might still be alive.
      await sweepStorage();
      expect(await db.pendingObject.count()).toBe(1);

      await sweepStorage({ now: new Date(Date.now() + HOUR) });
      expect(await storedFiles()).toEqual(files);
      expect(await db.pendingObject.count()).toBe(0);
      expect(await evidenceRowCount(world.workspace.id)).toBe(rows);
    },
    30_000,
  );
});

describe("a writer slower than the sweep", () => {
  it("cannot record a file the sweep has claimed: neither row nor file stays", async () => {
    const files = await storedFiles();
    const rows = await evidenceRowCount(world.workspace.id);
    const stored = await storeEvidenceFile({
      source: streamOf(pdfBytes(5000)),
      fileName: "slow.pdf",
    });
    // The writer stalls past the stale period; the sweep takes the object.
    await sweepStorage({ now: new Date(Date.now() + HOUR) });
    await expect(
      createFileEvidence({
        workspaceId: world.workspace.id,
        actor: world.actor,
        fields: { kind: "FILE", dutyIds: [], title: "slow" },
        stored,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await storedFiles()).toEqual(files);
    expect(await evidenceRowCount(world.workspace.id)).toBe(rows);
    expect(await db.pendingObject.count()).toBe(0);
  });
});

describe("the sweep's other passes", () => {
  it("finishes a removal whose process died between the commit and the file deletion", async () => {
    const stored = await storeEvidenceFile({ source: streamOf(pdfBytes(3000)), fileName: "p.pdf" });
    const item = await createFileEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      fields: { kind: "FILE", dutyIds: [], title: "to purge" },
      stored,
    });
    await deleteEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      evidenceId: item.id,
    });
    // The purge transaction's storage part, without the deletion after the commit.
    await db.$transaction(async (tx) => {
      await releaseObject(tx, { area: "EVIDENCE", key: stored.storageKey });
      await tx.evidence.updateMany({
        where: { id: item.id, workspaceId: world.workspace.id },
        data: { purgedAt: new Date(), storageKey: null },
      });
    });
    expect(await evidenceStorage().exists(stored.storageKey)).toBe(true);
    await sweepStorage();
    expect(await evidenceStorage().exists(stored.storageKey)).toBe(false);
    expect(await db.pendingObject.count()).toBe(0);
  });

  it("removes stale temporary files and orphaned objects, keeps owned ones", async () => {
    const tmp = path.join(evidenceStorageRoot(), "tmp");
    await mkdir(tmp, { recursive: true });
    const leftover = path.join(tmp, `${"ab".repeat(16)}.part`);
    await writeFile(leftover, "partial bytes of an upload from an older version");
    const old = new Date(Date.now() - 2 * HOUR);
    await utimes(leftover, old, old);
    const orphan = await evidenceStorage().put("cd".repeat(16), streamOf(pdfBytes(100)), {
      maxBytes: 1000,
    });
    await createFileEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      fields: { kind: "FILE", dutyIds: [], title: "kept" },
      stored: await storeEvidenceFile({ source: streamOf(pdfBytes(3000)), fileName: "k.pdf" }),
    });
    const owned = await db.evidence.findMany({
      where: { workspaceId: world.workspace.id, storageKey: { not: null } },
      select: { storageKey: true },
    });
    expect(owned.length).toBeGreaterThan(0);

    const [evidence] = await sweepStorage({ now: new Date(Date.now() + HOUR) });
    expect(evidence).toMatchObject({ area: "EVIDENCE", incompleteAborted: 1, orphansDeleted: 1 });
    expect(await readdir(tmp)).not.toContain(path.basename(leftover));
    expect(await evidenceStorage().exists(orphan.key)).toBe(false);
    for (const row of owned) expect(await evidenceStorage().exists(row.storageKey!)).toBe(true);
  });
});

describe("the sweep as a scheduled job", () => {
  it("is a registered job kind every 10 minutes whose handler sweeps", async () => {
    const { JOB_KINDS } = await import("@/lib/server/jobs/registry");
    const { sweepStorageJob } = await import("@/lib/server/storage/sweep-storage-job");
    const { logger } = await import("@/lib/log/logger");
    expect(JOB_KINDS).toContain(sweepStorageJob);
    expect(sweepStorageJob.schedule?.cron()).toBe("*/10 * * * *");
    const orphan = await evidenceStorage().put("ef".repeat(16), streamOf(pdfBytes(100)), {
      maxBytes: 1000,
    });
    await db.pendingObject.create({
      data: { area: "EVIDENCE", key: orphan.key, touchedAt: new Date(0) },
    });
    await sweepStorageJob.handle(
      {},
      {
        jobId: "test",
        attempt: 0,
        finalAttempt: true,
        signal: new AbortController().signal,
        log: logger,
      },
    );
    expect(await evidenceStorage().exists(orphan.key)).toBe(false);
    expect(await db.pendingObject.count()).toBe(0);
  });
});

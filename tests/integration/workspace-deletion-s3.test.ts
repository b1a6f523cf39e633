// Workspace deletion on the S3 driver (issue 14, point 8: "every stored file removed, on every
// storage driver"): evidence files, export bundles and PDF reports are objects in a real
// S3-compatible server (s3rver) started here, behind a TCP proxy so one test can take the store
// away in the middle of a purge.
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";
import { runStorageSweep } from "@/lib/server/storage/sweep-storage-job";
import { purgeDeletedWorkspace } from "@/lib/server/workspaces/purge-deleted-workspace";
import { requestWorkspaceDeletion } from "@/lib/server/workspaces/request-workspace-deletion";
import { workspacePurgeJob } from "@/lib/server/workspaces/workspace-purge-jobs";
import { forgetStorageDrivers } from "@/lib/storage/evidence-storage";
import { createS3Client } from "@/lib/storage/s3-storage";
import { waitFor } from "@/tests/support/job-queue";

import { startS3Server, TEST_BUCKET } from "../support/s3-server";
import { startTcpProxy } from "../support/tcp-proxy";
import { createExportWorld, type ExportWorld } from "./export-fixtures";
import { fillEveryTable, rowsOf, withBundle } from "./workspace-deletion-fixtures";

// Configured before the first env() call (the setup file's hooks run after this module loads).
const s3 = await startS3Server();
const proxy = await startTcpProxy({ host: "127.0.0.1", port: s3.port });
const saved = { ...process.env };
Object.assign(process.env, s3.env(proxy.url("http")));
const direct = createS3Client(s3.settings());

let b: ExportWorld;

beforeAll(async () => {
  b = await createExportWorld("s3-deletion-b");
  await withBundle(b);
  await fillEveryTable(b);
});

afterAll(async () => {
  await stopJobQueue({ timeoutSeconds: 1 });
  forgetStorageDrivers();
  await proxy.close();
  await s3.stop();
  for (const name of Object.keys(s3.env())) delete process.env[name];
  Object.assign(process.env, saved);
});

/** Every object key in the bucket (evidence/, exports/, reports/ prefixes included). */
async function bucketKeys(): Promise<string[]> {
  const listing = await direct.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET }));
  return (listing.Contents ?? []).map((o) => o.Key ?? "").sort();
}

/** The keys a workspace's rows own, with their area prefix as the bucket shows them. */
async function keysOf(workspaceId: string): Promise<string[]> {
  const where = { workspaceId, storageKey: { not: null } };
  const select = { storageKey: true } as const;
  const [evidence, exports, reports] = await Promise.all([
    db.evidence.findMany({ where, select }),
    db.exportJob.findMany({ where, select }),
    db.reportJob.findMany({ where, select }),
  ]);
  return [
    ...evidence.map((r) => `evidence/${r.storageKey}`),
    ...exports.map((r) => `exports/${r.storageKey}`),
    ...reports.map((r) => `reports/${r.storageKey}`),
  ].sort();
}

async function deleteWorkspace(world: ExportWorld) {
  await requestWorkspaceDeletion({
    workspaceId: world.workspace.id,
    actor: world.actor,
    actorUser: { id: world.user.id, email: world.user.email, name: world.user.name },
    confirmSlug: world.workspace.slug,
    finalBundle: "declined",
  });
}

describe("workspace deletion on S3", () => {
  it("the purge job removes every object of the workspace from the bucket, and only those", async () => {
    const a = await createExportWorld("s3-deletion-a");
    await withBundle(a);
    await fillEveryTable(a);
    const ownKeys = await keysOf(a.workspace.id);
    const otherKeys = await keysOf(b.workspace.id);
    // Each area holds objects of A: evidence files, a bundle, a report.
    for (const prefix of ["evidence/", "exports/", "reports/"]) {
      expect(
        ownKeys.some((key) => key.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(await bucketKeys()).toEqual(expect.arrayContaining([...ownKeys, ...otherKeys]));

    await startJobQueue({ work: true, kinds: [workspacePurgeJob] });
    await deleteWorkspace(a);
    await waitFor(async () => (await rowsOf(a.workspace.id)).Workspace === undefined, {
      timeoutMs: 60_000,
      what: "the purge job",
    });
    await stopJobQueue({ timeoutSeconds: 1 });

    expect(await rowsOf(a.workspace.id)).toEqual({});
    const left = await bucketKeys();
    for (const key of ownKeys) expect(left).not.toContain(key);
    for (const key of otherKeys) expect(left).toContain(key);
    expect(await db.pendingObject.count()).toBe(0);
    expect(await keysOf(b.workspace.id)).toEqual(otherKeys);
  }, 90_000);

  it("with the store unreachable, the rows go and the ledger keeps the keys until the sweep", async () => {
    const c = await createExportWorld("s3-deletion-c");
    await withBundle(c);
    const ownKeys = await keysOf(c.workspace.id);
    await deleteWorkspace(c);
    await proxy.cut();
    try {
      expect(await purgeDeletedWorkspace({ workspaceId: c.workspace.id })).not.toBeNull();
    } finally {
      await proxy.restore();
    }
    expect(await rowsOf(c.workspace.id)).toEqual({});
    // Not one object lost track of: each is still in the bucket under a ledger entry.
    const pending = await db.pendingObject.findMany({ select: { area: true, key: true } });
    expect(pending.map((p) => `${p.area.toLowerCase()}/${p.key}`).sort()).toEqual(ownKeys);
    expect(await bucketKeys()).toEqual(expect.arrayContaining(ownKeys));

    await runStorageSweep();
    const left = await bucketKeys();
    for (const key of ownKeys) expect(left).not.toContain(key);
    expect(await db.pendingObject.count()).toBe(0);
  }, 90_000);
});

// The app on the S3 driver: evidence uploads through the API, downloads, an export bundle round
// trip and the storage sweep, against a real S3-compatible server (s3rver) started here. All S3
// traffic goes through a TCP proxy so one test can kill the connection in the middle of an upload.
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";

import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as downloadRoute } from "@/app/api/v1/evidence/[evidenceId]/download/route";
import { POST as uploadRoute } from "@/app/api/v1/evidence/files/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { openExportDownload } from "@/lib/server/exports/open-export-download";
import { startExport } from "@/lib/server/exports/start-export";
import { startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";
import { openReportDownload } from "@/lib/server/reports/list-reports";
import { purgeExpiredReports } from "@/lib/server/reports/purge-expired-reports";
import { runReportJob } from "@/lib/server/reports/run-report-job";
import { sweepStorage } from "@/lib/server/storage/sweep-storage";
import { evidenceStorage, forgetStorageDrivers } from "@/lib/storage/evidence-storage";
import { createS3Client, S3_DUTY_SIZE } from "@/lib/storage/s3-storage";
import { newObjectKey } from "@/lib/storage/storage";
import { exportScopeSchema } from "@/lib/validation/exports";
import { exportEnded } from "@/tests/support/job-queue";

import { pdfBytes, routeParams, streamOf, tokenFor } from "../support/evidence-fixtures";
import { startS3Server, TEST_BUCKET } from "../support/s3-server";
import { startTcpProxy } from "../support/tcp-proxy";
import { createExportWorld, type ExportWorld } from "./export-fixtures";

// Configured before the first env() call (the setup file's hooks run after this module loads).
const s3 = await startS3Server();
const proxy = await startTcpProxy({ host: "127.0.0.1", port: s3.port });
const saved = { ...process.env };
Object.assign(process.env, s3.env(proxy.url("http")));

let world: ExportWorld;
let secret: string;
let dir: string;
const BOUNDARY = "----s3-upload-boundary";
const direct = createS3Client(s3.settings());
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  world = await createExportWorld("s3");
  secret = await tokenFor(world, "EDITOR");
  dir = await mkdtemp(path.join(os.tmpdir(), "srm-s3-services-"));
});

afterAll(async () => {
  forgetStorageDrivers();
  await proxy.close();
  await s3.stop();
  await rm(dir, { recursive: true, force: true });
  for (const name of Object.keys(s3.env())) delete process.env[name];
  Object.assign(process.env, saved);
});

async function bucketKeys(prefix: string): Promise<string[]> {
  const listing = await direct.send(
    new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: prefix }),
  );
  return (listing.Contents ?? []).map((o) => (o.Key ?? "").slice(prefix.length)).sort();
}

function uploadRequest(bytes: Buffer, title: string) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="dutyIds"\r\n\r\n${world.customerDuty.id}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${title}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const stream = streamOf(Buffer.concat([head, bytes, tail]));
  return new Request("http://localhost/api/v1/evidence/files", {
    method: "POST",
    headers: {
      authorization: `Bearer ${secret}`,
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}

describe("evidence files on S3", () => {
  it("uploads a multipart-sized file through the API and downloads it verified", async () => {
    const bytes = pdfBytes(7 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(S3_DUTY_SIZE);
    const response = await uploadRoute(uploadRequest(bytes, "s3-policy"));
    expect(response.status).toBe(201);
    const item = (await response.json()) as { id: string; file: { sha256: string } };
    expect(item.file.sha256).toBe(sha256(bytes));
    const row = await db.evidence.findFirstOrThrow({
      where: { id: item.id, workspaceId: world.workspace.id },
    });
    expect(await bucketKeys("evidence/")).toContain(row.storageKey);
    expect(await db.pendingObject.count()).toBe(0);

    const download = await downloadRoute(
      new Request(`http://localhost/api/v1/evidence/${item.id}/download`, {
        headers: { authorization: `Bearer ${secret}` },
      }),
      routeParams({ evidenceId: item.id }),
    );
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));
  });

  it("leaves no row and no object when the store's connection dies in mid-upload", async () => {
    const rows = await db.evidence.count({ where: { workspaceId: world.workspace.id } });
    const objects = await bucketKeys("evidence/");
    proxy.cutAfterBytes(S3_DUTY_SIZE + 1024 * 1024);
    const response = await uploadRoute(uploadRequest(pdfBytes(14 * 1024 * 1024), "cut"));
    expect(response.status).toBeGreaterThanOrEqual(500);
    await proxy.restore();
    expect(await db.evidence.count({ where: { workspaceId: world.workspace.id } })).toBe(rows);
    expect(await bucketKeys("evidence/")).toEqual(objects);
    // Cleaning up could not reach the store while it was cut: the ledger keeps the key for the
    // sweep, which removes it once the store is back.
    await sweepStorage();
    expect(await db.pendingObject.count()).toBe(0);
    expect(await bucketKeys("evidence/")).toEqual(objects);
  });
});

describe("export bundles on S3", () => {
  it("builds a bundle into the bucket and streams it back verified", async () => {
    const job = await startExport({
      workspaceId: world.workspace.id,
      role: "OWNER",
      actor: world.actor,
      requestedById: world.user.id,
      scope: exportScopeSchema.parse({}),
    });
    await startJobQueue({ work: true, kinds: [exportBundleJob] });
    const done = await exportEnded(world.workspace.id, job.id);
    await stopJobQueue({ timeoutSeconds: 1 });
    expect(done).toMatchObject({ status: "DONE", filePath: null, error: null });
    expect(await bucketKeys("exports/")).toContain(done.storageKey);
    expect(await db.pendingObject.count()).toBe(0);

    const response = await openExportDownload({
      workspaceId: world.workspace.id,
      exportId: job.id,
    });
    const zip = path.join(dir, "bundle.zip");
    await writeFile(zip, Buffer.from(await response.arrayBuffer()));
    const verification = await verifyBundle(zip);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
  });
});

describe("PDF reports on S3", () => {
  it("stores the PDF in the bucket, serves it, and retention deletes it", async () => {
    const report = await db.reportJob.create({
      data: { workspaceId: world.workspace.id, requestedByLabel: "s3 test" },
    });
    await runReportJob({ reportId: report.id, workspaceId: world.workspace.id });
    const done = await db.reportJob.findUniqueOrThrow({ where: { id: report.id } });
    expect(done).toMatchObject({ status: "DONE", error: null });
    expect(await bucketKeys("reports/")).toEqual([done.storageKey]);
    expect(await db.pendingObject.count()).toBe(0);

    const response = await openReportDownload({
      workspaceId: world.workspace.id,
      reportId: report.id,
    });
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(sha256(pdf)).toBe(done.sha256);

    const past = new Date(Date.now() + (env().EXPORT_RETENTION_DAYS + 1) * 86_400_000);
    expect(await purgeExpiredReports({ now: past })).toBe(1);
    expect(await bucketKeys("reports/")).toEqual([]);
    expect(await db.reportJob.count({ where: { id: report.id } })).toBe(0);
    expect(await db.pendingObject.count()).toBe(0);
  }, 60_000);
});

describe("the storage sweep on S3", () => {
  it("deletes stale pending objects and orphans, and keeps owned and fresh ones", async () => {
    const storage = evidenceStorage();
    const put = async () => {
      const key = newObjectKey();
      await storage.put(key, streamOf(pdfBytes(2000)), { maxBytes: 10_000 });
      return key;
    };
    // The sweep runs "an hour from now": every object is old by then; only ledger entries
    // refreshed since (fresh) and rows protect them.
    const later = new Date(Date.now() + 3_600_000);
    const stale = await put();
    await db.pendingObject.create({ data: { area: "EVIDENCE", key: stale } });
    const fresh = await put();
    await db.pendingObject.create({ data: { area: "EVIDENCE", key: fresh, touchedAt: later } });
    const orphan = await put();
    const owned = (await db.evidence.findFirstOrThrow({
      where: { workspaceId: world.workspace.id, storageKey: { not: null } },
    }))!.storageKey!;

    const results = await sweepStorage({ now: later });
    const evidence = results.find((r) => r.area === "EVIDENCE")!;
    expect(evidence).toMatchObject({ pendingDeleted: 1, orphansDeleted: 1, failures: 0 });
    expect(evidence.incompleteListed).toBe(false); // s3rver has no ListMultipartUploads
    const keys = await bucketKeys("evidence/");
    expect(keys).not.toContain(stale);
    expect(keys).not.toContain(orphan);
    expect(keys).toContain(fresh);
    expect(keys).toContain(owned);
    expect(await db.pendingObject.findMany({ select: { key: true } })).toEqual([{ key: fresh }]);
    await db.pendingObject.deleteMany({ where: { key: fresh } });
    await storage.delete(fresh);
  });
});

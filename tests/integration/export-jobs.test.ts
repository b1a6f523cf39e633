import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as auditDownloadRoute } from "@/app/(app)/w/[workspaceSlug]/audit/download/route";
import { GET as pageDownloadRoute } from "@/app/(app)/w/[workspaceSlug]/exports/[exportId]/download/route";
import { GET as statusRoute } from "@/app/(app)/w/[workspaceSlug]/exports/status/route";
import { GET as apiDownloadRoute } from "@/app/api/v1/exports/[exportId]/download/route";
import { GET as apiStatusRoute } from "@/app/api/v1/exports/[exportId]/route";
import { POST as apiStartRoute } from "@/app/api/v1/exports/route";
import { cancelExportAction, startExportAction } from "@/lib/actions/exports";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { cancelExportJob } from "@/lib/server/exports/cancel-export-job";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { purgeExpiredExportsJob } from "@/lib/server/exports/export-maintenance-jobs";
import { getExportJob, listExportJobs } from "@/lib/server/exports/list-export-jobs";
import { openExportDownload } from "@/lib/server/exports/open-export-download";
import { runExportJob } from "@/lib/server/exports/run-export-job";
import { startExport } from "@/lib/server/exports/start-export";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { startJobQueue } from "@/lib/server/jobs/job-queue";
import { exportScopeSchema } from "@/lib/validation/exports";
import { exportEnded, waitFor } from "@/tests/support/job-queue";

import { apiRequest, routeParams, tokenFor } from "../support/evidence-fixtures";
import { createExportWorld, exportFiles, type ExportWorld } from "./export-fixtures";

let a: ExportWorld;
let b: ExportWorld;
const everything = exportScopeSchema.parse({});

beforeAll(async () => {
  a = await createExportWorld("jobs-a");
  b = await createExportWorld("jobs-b");
  // This process works export jobs, like the app does by default.
  await startJobQueue({ work: true, kinds: [exportBundleJob, purgeExpiredExportsJob] });
});

afterAll(() => setSessionForTests(undefined));

async function doneJob(world: ExportWorld) {
  const job = await startExport({
    workspaceId: world.workspace.id,
    role: "OWNER",
    actor: world.actor,
    requestedById: world.user.id,
    scope: everything,
  });
  await exportEnded(world.workspace.id, job.id);
  return getExportJob({ workspaceId: world.workspace.id, exportId: job.id });
}

describe("who may export", () => {
  it.each(["VIEWER", "EDITOR"] as const)(
    "refuses a %s (service and action) and queues nothing",
    async (role) => {
      const user = role === "VIEWER" ? a.viewer : a.editor;
      await expect(
        startExport({
          workspaceId: a.workspace.id,
          role,
          actor: { type: "USER", id: user.id, label: user.email },
          requestedById: user.id,
          scope: everything,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      setSessionForTests(user.id);
      const result = await startExportAction(a.workspace.slug, {});
      expect(result?.serverError).toMatchObject({ code: "FORBIDDEN", status: 403 });
      const status = await statusRoute(
        new Request("http://localhost/x"),
        routeParams({ workspaceSlug: a.workspace.slug }),
      );
      expect(status.status).toBe(403);
      expect(
        await db.exportJob.count({
          where: { workspaceId: a.workspace.id, requestedById: user.id },
        }),
      ).toBe(0);
    },
  );

  it("lets an AUDITOR start, follow and download an export through the page's action and routes", async () => {
    setSessionForTests(a.auditor.id);
    const started = await startExportAction(a.workspace.slug, { includeFiles: true });
    expect(started?.data).toMatchObject({ status: "QUEUED", requestedBy: a.auditor.email });
    await exportEnded(a.workspace.id, started?.data?.id ?? "");
    const status = await statusRoute(
      new Request("http://localhost/x"),
      routeParams({ workspaceSlug: a.workspace.slug }),
    );
    const { jobs } = (await status.json()) as {
      jobs: { id: string; state: string; progress: number; downloadable: boolean }[];
    };
    expect(jobs.find((job) => job.id === started?.data?.id)).toMatchObject({
      state: "DONE",
      progress: 100,
      downloadable: true,
    });
    const download = await pageDownloadRoute(
      new Request("http://localhost/x"),
      routeParams({ workspaceSlug: a.workspace.slug, exportId: started?.data?.id ?? "" }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="ai-srm-evidence-jobs-a-[\w-]+\.zip"$/,
    );
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(
      download.headers.get("x-checksum-sha256"),
    );
  });
});

describe("another workspace's export", () => {
  it("answers 404 in the services, the page routes, the action and the API", async () => {
    const job = await doneJob(a);
    await expect(
      getExportJob({ workspaceId: b.workspace.id, exportId: job.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      cancelExportJob({
        workspaceId: b.workspace.id,
        exportId: job.id,
        actor: b.actor,
        actorUserId: b.user.id,
        role: "OWNER",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    setSessionForTests(b.user.id);
    const pageDownload = await pageDownloadRoute(
      new Request("http://localhost/x"),
      routeParams({ workspaceSlug: b.workspace.slug, exportId: job.id }),
    );
    expect(pageDownload.status).toBe(404);
    const viaSlugOfA = await pageDownloadRoute(
      new Request("http://localhost/x"),
      routeParams({ workspaceSlug: a.workspace.slug, exportId: job.id }),
    );
    expect(viaSlugOfA.status).toBe(404);
    expect(
      (await cancelExportAction(b.workspace.slug, { exportId: job.id }))?.serverError,
    ).toMatchObject({ code: "NOT_FOUND" });

    const tokenB = await tokenFor(b, "AUDITOR");
    const status = await apiStatusRoute(
      apiRequest(`/api/v1/exports/${job.id}`, tokenB),
      routeParams({ exportId: job.id }),
    );
    expect(status.status).toBe(404);
    expect(await status.json()).toEqual({
      error: { code: "NOT_FOUND", message: "Export not found." },
    });
    const download = await apiDownloadRoute(
      apiRequest(`/api/v1/exports/${job.id}/download`, tokenB),
      routeParams({ exportId: job.id }),
    );
    expect(download.status).toBe(404);
    // The job is untouched and still answers for its own workspace.
    expect(await getExportJob({ workspaceId: a.workspace.id, exportId: job.id })).toMatchObject({
      state: "DONE",
    });
  });
});

describe("API", () => {
  it("starts (202), reports status and downloads for its own workspace; refuses a VIEWER token", async () => {
    const token = await tokenFor(a, "AUDITOR");
    const start = await apiStartRoute(
      apiRequest("/api/v1/exports", token, {
        method: "POST",
        json: { includeFiles: false, to: "2099-01-01" },
      }),
    );
    expect(start.status).toBe(202);
    const job = (await start.json()) as { id: string; status: string; scope: unknown };
    expect(job).toMatchObject({
      status: "QUEUED",
      scope: { to: "2099-01-01", includeFiles: false },
    });
    await exportEnded(a.workspace.id, job.id);
    const status = await apiStatusRoute(
      apiRequest(`/api/v1/exports/${job.id}`, token),
      routeParams({ exportId: job.id }),
    );
    expect(await status.json()).toMatchObject({
      id: job.id,
      state: "DONE",
      progress: 100,
      downloadable: true,
    });
    const download = await apiDownloadRoute(
      apiRequest(`/api/v1/exports/${job.id}/download`, token),
      routeParams({ exportId: job.id }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");

    const bad = await apiStartRoute(
      apiRequest("/api/v1/exports", token, {
        method: "POST",
        json: { from: "2026-02-01", to: "2026-01-01" },
      }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", fields: { to: [expect.any(String)] } },
    });

    const viewerToken = await tokenFor(a, "VIEWER");
    const refused = await apiStartRoute(
      apiRequest("/api/v1/exports", viewerToken, { method: "POST", json: {} }),
    );
    expect(refused.status).toBe(403);
  });
});

describe("cancellation and retention", () => {
  it("cancels a queued job at once and leaves no file", async () => {
    const before = await exportFiles();
    const job = await db.exportJob.create({
      data: { workspaceId: b.workspace.id, scope: everything, requestedByLabel: "test" },
    });
    const cancelled = await cancelExportJob({
      workspaceId: b.workspace.id,
      exportId: job.id,
      actor: b.actor,
      actorUserId: b.user.id,
      role: "OWNER",
    });
    expect(cancelled).toMatchObject({ state: "CANCELLED", downloadable: false });
    // Its job, when a worker takes it, finds it cancelled and leaves it alone.
    await runExportJob({ jobId: job.id, workspaceId: b.workspace.id });
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "CANCELLED",
      startedAt: null,
    });
    expect(await exportFiles()).toEqual(before);
    await expect(
      cancelExportJob({
        workspaceId: b.workspace.id,
        exportId: job.id,
        actor: b.actor,
        actorUserId: b.user.id,
        role: "OWNER",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("stops a running job at its next check, deleting the partial bundle", async () => {
    const before = await exportFiles();
    const job = await db.exportJob.create({
      data: { workspaceId: b.workspace.id, scope: everything, requestedByLabel: "test" },
    });
    // The cancel request lands just after the worker claimed the job.
    await db.exportJob.update({ where: { id: job.id }, data: { cancelRequestedAt: new Date() } });
    await runExportJob({ jobId: job.id, workspaceId: b.workspace.id });
    const row = await db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "CANCELLED", storageKey: null, sizeBytes: null });
    expect(await exportFiles()).toEqual(before);
  });

  it("shows bundles past their retention as expired at once; the purge job deletes them", async () => {
    const job = await doneJob(b);
    const { storageKey } = await db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(await exportFiles()).toContain(storageKey);
    await db.exportJob.update({
      where: { id: job.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const listed = await listExportJobs({ workspaceId: b.workspace.id });
    expect(listed.find((j) => j.id === job.id)).toMatchObject({
      state: "EXPIRED",
      downloadable: false,
    });
    await expect(
      openExportDownload({ workspaceId: b.workspace.id, exportId: job.id }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/expired/) });

    await enqueueJob(purgeExpiredExportsJob, {});
    // The job deletes the object, then its ledger entry: done when both are gone (waiting for
    // the file alone raced the ledger's last delete on a busy machine).
    await waitFor(
      async () =>
        !(await exportFiles()).includes(storageKey ?? "") && (await db.pendingObject.count()) === 0,
      { what: "the purge job" },
    );
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "DONE",
      storageKey: null,
    });
    // Another workspace's bundles that have not expired are kept.
    const kept = await doneJob(a);
    const keptKey = (await db.exportJob.findUniqueOrThrow({ where: { id: kept.id } })).storageKey;
    await enqueueJob(purgeExpiredExportsJob, {});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await exportFiles()).toContain(keptKey);
  });
});

describe("audit log download", () => {
  it("gives an AUDITOR the whole chain as JSONL and CSV, a VIEWER a 403, an outsider a 404", async () => {
    setSessionForTests(a.auditor.id);
    const head = await db.workspace.findUniqueOrThrow({
      where: { id: a.workspace.id },
      select: { auditHeadSeq: true },
    });
    const jsonl = await auditDownloadRoute(
      new Request("http://localhost/x?format=jsonl"),
      routeParams({ workspaceSlug: a.workspace.slug }),
    );
    expect(jsonl.status).toBe(200);
    const lines = (await jsonl.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { seq: number; hash: string; prevHash: string });
    // The download is audited before the file is written, so the file ends with that event.
    expect(lines.map((l) => l.seq)).toEqual(
      Array.from({ length: head.auditHeadSeq + 1 }, (_, i) => i + 1),
    );
    for (let i = 1; i < lines.length; i += 1) expect(lines[i]?.prevHash).toBe(lines[i - 1]?.hash);
    const csv = await auditDownloadRoute(
      new Request("http://localhost/x?format=csv"),
      routeParams({ workspaceSlug: a.workspace.slug }),
    );
    const raw = Buffer.from(await csv.arrayBuffer());
    // Response.text() would drop the byte-order mark; read the bytes to see it is there.
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = raw.subarray(3).toString("utf8");
    expect(text.startsWith("seq,time,")).toBe(true);
    expect(text).not.toMatch(/(^|,)=\d/m);
    const bad = await auditDownloadRoute(
      new Request("http://localhost/x?format=xml"),
      routeParams({ workspaceSlug: a.workspace.slug }),
    );
    expect(bad.status).toBe(400);

    setSessionForTests(a.viewer.id);
    expect(
      (
        await auditDownloadRoute(
          new Request("http://localhost/x?format=csv"),
          routeParams({ workspaceSlug: a.workspace.slug }),
        )
      ).status,
    ).toBe(403);
    setSessionForTests(b.user.id);
    expect(
      (
        await auditDownloadRoute(
          new Request("http://localhost/x?format=csv"),
          routeParams({ workspaceSlug: a.workspace.slug }),
        )
      ).status,
    ).toBe(404);
  });
});

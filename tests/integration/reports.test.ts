// PDF reports as background jobs: started from the page's action or the API, rendered by this
// process's workers (the real pg-boss queue on the test database), downloaded from the page's
// route and the API. Two workspaces: each sees only its own reports (404 for the other's ids);
// roles without report.read get 403 (action, page and routes alike) and write nothing.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as pageDownloadRoute } from "@/app/(app)/w/[workspaceSlug]/reports/[reportId]/download/route";
import ReportsPage from "@/app/(app)/w/[workspaceSlug]/reports/page";
import { GET as statusRoute } from "@/app/(app)/w/[workspaceSlug]/reports/status/route";
import { GET as apiDownloadRoute } from "@/app/api/v1/reports/[reportId]/download/route";
import { GET as apiReportRoute } from "@/app/api/v1/reports/[reportId]/route";
import { GET as apiListRoute, POST as apiStartRoute } from "@/app/api/v1/reports/route";
import { startReportAction } from "@/lib/actions/reports";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startJobQueue } from "@/lib/server/jobs/job-queue";
import { purgeExpiredReports } from "@/lib/server/reports/purge-expired-reports";
import { reportPdfJob } from "@/lib/server/reports/report-pdf-job";
import { failReportJob, REPORTS_KEPT, runReportJob } from "@/lib/server/reports/run-report-job";
import { reportStorage } from "@/lib/storage/report-storage";
import { newObjectKey } from "@/lib/storage/storage";
import { expectForbidden, expectNotFound } from "@/tests/support/identity-fixtures";
import { waitFor } from "@/tests/support/job-queue";

import { apiRequest, params, type StandardsSide, standardsSide } from "./standards-fixtures";

const run = promisify(execFile);
let a: StandardsSide;
let b: StandardsSide;
let dir: string;

beforeAll(async () => {
  a = await standardsSide("Reportalpha");
  b = await standardsSide("Reportbravo");
  dir = await mkdtemp(path.join(os.tmpdir(), "reports-"));
  await startJobQueue({ work: true, kinds: [reportPdfJob] });
});

afterAll(async () => {
  setSessionForTests(undefined);
  await rm(dir, { recursive: true, force: true });
});

function reportEnded(workspaceId: string, reportId: string) {
  return waitFor(
    async () => {
      const row = await db.reportJob.findFirst({ where: { id: reportId, workspaceId } });
      return row && row.status !== "QUEUED" && row.status !== "RUNNING" ? row : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 100, what: `report ${reportId}` },
  );
}

async function pdfText(response: Response): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  const { stdout } = await run("pdftotext", [file, "-"]);
  return stdout.replace(/\s+/g, " ");
}

describe("from the page", () => {
  it("lets an AUDITOR make, follow and download a report; another workspace sees none of it", async () => {
    setSessionForTests(a.auditor.id);
    const started = await startReportAction(a.workspace.slug, {});
    expect(started?.data).toMatchObject({ status: "QUEUED", requestedBy: a.auditor.email });
    const id = started?.data?.id ?? "";
    expect((await reportEnded(a.workspace.id, id)).status).toBe("DONE");

    const status = await statusRoute(
      new Request("http://localhost/x"),
      params({ workspaceSlug: a.workspace.slug }),
    );
    const { reports } = (await status.json()) as { reports: { id: string; status: string }[] };
    expect(reports.find((r) => r.id === id)).toMatchObject({ status: "DONE" });
    const download = await pageDownloadRoute(
      new Request("http://localhost/x"),
      params({ workspaceSlug: a.workspace.slug, reportId: id }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(download);
    expect(text).toContain("Reportalpha");
    expect(text).toContain("Standards at a glance");
    expect(text).not.toContain("Reportbravo");
    const audit = await db.auditEvent.findFirst({
      where: { workspaceId: a.workspace.id, action: "report.generate", entityId: id },
    });
    expect(audit).toMatchObject({ actorId: a.auditor.id });

    setSessionForTests(b.owner.id);
    const foreign = await pageDownloadRoute(
      new Request("http://localhost/x"),
      params({ workspaceSlug: b.workspace.slug, reportId: id }),
    );
    expect(foreign.status).toBe(404);
    await expectNotFound(() =>
      ReportsPage({ params: Promise.resolve({ workspaceSlug: a.workspace.slug }) }),
    );
    const otherStatus = await statusRoute(
      new Request("http://localhost/x"),
      params({ workspaceSlug: a.workspace.slug }),
    );
    expect(otherStatus.status).toBe(404);
  }, 90_000);

  it.each(["EDITOR", "VIEWER"] as const)("refuses a %s and writes nothing", async (role) => {
    const user = role === "EDITOR" ? a.editor : a.viewer;
    setSessionForTests(user.id);
    const result = await startReportAction(a.workspace.slug, {});
    expect(result?.serverError).toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expectForbidden(() =>
      ReportsPage({ params: Promise.resolve({ workspaceSlug: a.workspace.slug }) }),
    );
    expect(
      await db.reportJob.count({ where: { workspaceId: a.workspace.id, requestedById: user.id } }),
    ).toBe(0);
  });
});

describe("through the API", () => {
  it("queues (202), reports status and serves the PDF; other workspaces' ids are 404", async () => {
    const start = await apiStartRoute(
      apiRequest("/api/v1/reports", a.tokens.AUDITOR, { method: "POST" }),
    );
    expect(start.status).toBe(202);
    const { id } = (await start.json()) as { id: string };
    await reportEnded(a.workspace.id, id);
    const status = await apiReportRoute(
      apiRequest(`/api/v1/reports/${id}`, a.tokens.ADMIN),
      params({ reportId: id }),
    );
    expect(await status.json()).toMatchObject({
      id,
      status: "DONE",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const download = await apiDownloadRoute(
      apiRequest(`/api/v1/reports/${id}/download`, a.tokens.AUDITOR),
      params({ reportId: id }),
    );
    expect(download.status).toBe(200);
    expect(await pdfText(download)).toContain("Coverage by security domain");

    for (const path_ of [`/api/v1/reports/${id}`, `/api/v1/reports/${id}/download`]) {
      const route = path_.endsWith("download") ? apiDownloadRoute : apiReportRoute;
      const response = await route(apiRequest(path_, b.tokens.ADMIN), params({ reportId: id }));
      expect(response.status).toBe(404);
    }
    const list = await (await apiListRoute(apiRequest("/api/v1/reports", b.tokens.AUDITOR))).json();
    expect(list.reports).toEqual([]);
    for (const role of ["EDITOR", "VIEWER"] as const) {
      const refused = await apiStartRoute(
        apiRequest("/api/v1/reports", a.tokens[role], { method: "POST" }),
      );
      expect(refused.status).toBe(403);
    }
  }, 90_000);
});

describe("the job", () => {
  it("claims by attempt, fails for good with a reason, and keeps the newest reports only", async () => {
    const row = await db.reportJob.create({
      data: { workspaceId: b.workspace.id, requestedByLabel: "test", status: "DONE" },
    });
    // A finished report is never taken again by a late attempt.
    await runReportJob({ reportId: row.id, workspaceId: b.workspace.id, attempt: 3 });
    expect(await db.reportJob.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "DONE",
      storageKey: null,
    });
    const queued = await db.reportJob.create({
      data: { workspaceId: b.workspace.id, requestedByLabel: "test" },
    });
    expect(
      await failReportJob({
        reportId: queued.id,
        workspaceId: a.workspace.id,
        reason: "Wrong tenant.",
      }),
    ).toBe(false);
    expect(
      await failReportJob({
        reportId: queued.id,
        workspaceId: b.workspace.id,
        reason: "The worker died.",
      }),
    ).toBe(true);
    expect(await db.reportJob.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "FAILED",
      error: "The worker died. Try again.",
    });

    // Ten finished reports already (older), then one more is made: the oldest goes, file too.
    await db.reportJob.deleteMany({ where: { workspaceId: b.workspace.id } });
    const storage = reportStorage();
    const old: { id: string; key: string }[] = [];
    for (let i = 0; i < REPORTS_KEPT; i += 1) {
      const stored = await storage.put(newObjectKey(), Readable.from([Buffer.from(`old ${i}`)]), {
        maxBytes: 100,
      });
      const created = await db.reportJob.create({
        data: {
          workspaceId: b.workspace.id,
          requestedByLabel: "test",
          status: "DONE",
          storageKey: stored.key,
          createdAt: new Date(Date.now() - (REPORTS_KEPT - i) * 60_000),
        },
      });
      old.push({ id: created.id, key: stored.key });
    }
    const fresh = await db.reportJob.create({
      data: { workspaceId: b.workspace.id, requestedByLabel: "test" },
    });
    await runReportJob({ reportId: fresh.id, workspaceId: b.workspace.id });
    const kept = await db.reportJob.findMany({
      where: { workspaceId: b.workspace.id, status: "DONE", storageKey: { not: null } },
      select: { id: true },
    });
    expect(kept.map((r) => r.id).sort()).toEqual(
      [fresh.id, ...old.slice(1).map((r) => r.id)].sort(),
    );
    expect(await storage.exists(old[0]!.key)).toBe(false);
    expect(await storage.exists(old[1]!.key)).toBe(true);
    // The new PDF was adopted by its row and the pruned one's deletion finished: no ledger entry.
    expect(await db.pendingObject.count()).toBe(0);

    // Retention, as for export bundles: past EXPORT_RETENTION_DAYS a report goes, PDF and row;
    // another workspace's reports are not that old yet and stay.
    const freshKey = (await db.reportJob.findUniqueOrThrow({ where: { id: fresh.id } }))
      .storageKey!;
    const inA = await db.reportJob.create({
      data: {
        workspaceId: a.workspace.id,
        requestedByLabel: "test",
        status: "DONE",
        finishedAt: new Date(),
      },
    });
    const days = env().EXPORT_RETENTION_DAYS;
    const later = new Date(Date.now() + days * 86_400_000 - 3_600_000);
    await db.reportJob.updateMany({
      where: { workspaceId: b.workspace.id },
      data: { finishedAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    expect(await purgeExpiredReports({ now: later })).toBe(REPORTS_KEPT);
    expect(await db.reportJob.count({ where: { workspaceId: b.workspace.id } })).toBe(0);
    expect(await storage.exists(freshKey)).toBe(false);
    expect(await db.reportJob.count({ where: { id: inA.id } })).toBe(1);
    expect(await db.pendingObject.count()).toBe(0);
  }, 120_000);
});

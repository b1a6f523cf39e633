import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as auditDownloadRoute } from "@/app/(app)/w/[workspaceSlug]/audit/download/route";
import { GET as pageEvidenceDownload } from "@/app/(app)/w/[workspaceSlug]/evidence/[evidenceId]/download/route";
import { GET as pageDownloadRoute } from "@/app/(app)/w/[workspaceSlug]/exports/[exportId]/download/route";
import { GET as systemsCsvRoute } from "@/app/(app)/w/[workspaceSlug]/systems/export/route";
import { GET as apiEvidenceDownload } from "@/app/api/v1/evidence/[evidenceId]/download/route";
import { GET as apiExportDownload } from "@/app/api/v1/exports/[exportId]/download/route";
import { GET as getVersionRoute } from "@/app/api/v1/frameworks/[key]/versions/[version]/route";
import { POST as importFrameworkRoute } from "@/app/api/v1/frameworks/route";
import { POST as createVendorRoute } from "@/app/api/v1/vendors/route";
import { cancelExportAction } from "@/lib/actions/exports";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { runExportJob } from "@/lib/server/exports/run-export-job";
import { startExport } from "@/lib/server/exports/start-export";
import { deleteVendor } from "@/lib/server/vendors/delete-vendor";
import { saveAssessmentAnswer } from "@/lib/server/vendors/save-assessment-answer";
import { exportScopeSchema } from "@/lib/validation/exports";

import { apiRequest, routeParams, tokenFor } from "../support/evidence-fixtures";
import { createExportWorld, type ExportWorld } from "./export-fixtures";
import { smallDefinition } from "./frameworks-fixtures";

// Issue 14, point 7: the smaller findings, each from the outside (routes, actions) where it can.
let world: ExportWorld;
let token: string;

beforeAll(async () => {
  world = await createExportWorld("hardening");
  token = await tokenFor(world, "ADMIN");
});
afterAll(() => setSessionForTests(undefined));

async function doneExport(requestedBy: { id: string; email: string }) {
  const job = await startExport({
    workspaceId: world.workspace.id,
    role: "OWNER",
    actor: { type: "USER", id: requestedBy.id, label: requestedBy.email },
    requestedById: requestedBy.id,
    scope: exportScopeSchema.parse({}),
  });
  // The export job's handler, run here rather than by a queue worker.
  await runExportJob({ jobId: job.id, workspaceId: world.workspace.id });
  return job;
}

const lastEvent = (action: string) =>
  db.auditEvent.findFirst({
    where: { workspaceId: world.workspace.id, action },
    orderBy: { seq: "desc" },
  });

describe("downloads are audited", () => {
  it("evidence files through the API and the page", async () => {
    const evidenceId = world.evidence.policy.id;
    const api = await apiEvidenceDownload(
      apiRequest(`/api/v1/evidence/${evidenceId}/download`, token),
      routeParams({ evidenceId }),
    );
    expect(api.status).toBe(200);
    await api.arrayBuffer();
    expect(await lastEvent("evidence.download")).toMatchObject({
      actorType: "TOKEN",
      entityId: evidenceId,
      diff: { fileName: "report.pdf" },
    });
    setSessionForTests(world.user.id);
    const page = await pageEvidenceDownload(
      new Request("http://localhost/x"),
      routeParams({ workspaceSlug: world.workspace.slug, evidenceId }),
    );
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    expect(await lastEvent("evidence.download")).toMatchObject({
      actorType: "USER",
      actorId: world.user.id,
    });
  });

  it("export bundles through the API and the page, and the audit log itself", async () => {
    const job = await doneExport(world.user);
    const api = await apiExportDownload(
      apiRequest(`/api/v1/exports/${job.id}/download`, token),
      routeParams({ exportId: job.id }),
    );
    expect(api.status).toBe(200);
    await api.arrayBuffer();
    expect(await lastEvent("export.download")).toMatchObject({
      actorType: "TOKEN",
      entityId: job.id,
    });

    setSessionForTests(world.auditor.id);
    const page = await pageDownloadRoute(
      new Request("http://localhost/x"),
      routeParams({ workspaceSlug: world.workspace.slug, exportId: job.id }),
    );
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    expect(await lastEvent("export.download")).toMatchObject({ actorId: world.auditor.id });

    const log = await auditDownloadRoute(
      new Request("http://localhost/x?format=jsonl"),
      routeParams({ workspaceSlug: world.workspace.slug }),
    );
    const lines = (await log.text()).trim().split("\n");
    // The file ends with its own download event.
    expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({
      action: "audit.download",
      actorId: world.auditor.id,
      diff: { format: "jsonl" },
    });
  });

  it("a refused download leaves no event", async () => {
    setSessionForTests(world.viewer.id);
    const before = await db.auditEvent.count({ where: { workspaceId: world.workspace.id } });
    const refused = await auditDownloadRoute(
      new Request("http://localhost/x?format=csv"),
      routeParams({ workspaceSlug: world.workspace.slug }),
    );
    expect(refused.status).toBe(403);
    expect(await db.auditEvent.count({ where: { workspaceId: world.workspace.id } })).toBe(before);
  });
});

describe("export cancellation", () => {
  it("an AUDITOR cannot cancel another member's export; the member who started it can", async () => {
    const job = await db.exportJob.create({
      data: {
        workspaceId: world.workspace.id,
        scope: exportScopeSchema.parse({}),
        requestedById: world.user.id,
        requestedByLabel: world.user.email,
      },
    });
    setSessionForTests(world.auditor.id);
    const refused = await cancelExportAction(world.workspace.slug, { exportId: job.id });
    expect(refused.serverError?.code).toBe("FORBIDDEN");
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("QUEUED");

    const own = await db.exportJob.create({
      data: {
        workspaceId: world.workspace.id,
        scope: exportScopeSchema.parse({}),
        requestedById: world.auditor.id,
        requestedByLabel: world.auditor.email,
      },
    });
    const cancelled = await cancelExportAction(world.workspace.slug, { exportId: own.id });
    expect(cancelled.data).toMatchObject({ state: "CANCELLED" });

    setSessionForTests(world.user.id);
    const byOwner = await cancelExportAction(world.workspace.slug, { exportId: job.id });
    expect(byOwner.data).toMatchObject({ state: "CANCELLED" });
  });
});

describe("vendor deletion", () => {
  it("keeps the deleted assessment answers in the audit event", async () => {
    const vendor = await db.vendor.create({
      data: {
        workspaceId: world.workspace.id,
        name: "Short-lived vendor",
        website: "https://v.example",
      },
    });
    await saveAssessmentAnswer({
      workspaceId: world.workspace.id,
      actor: world.actor,
      input: {
        vendorId: vendor.id,
        topicKey: "data_privacy",
        answer: "Prompts are kept 30 days, then deleted.",
        status: "SATISFACTORY",
        reviewerId: null,
      },
    });
    await deleteVendor({
      workspaceId: world.workspace.id,
      actor: world.actor,
      vendorId: vendor.id,
    });
    const event = await lastEvent("vendor.delete");
    expect(event?.diff).toMatchObject({
      name: "Short-lived vendor",
      vendor: { website: "https://v.example" },
      deletedAssessmentAnswers: [
        {
          topicKey: "data_privacy",
          status: "SATISFACTORY",
          answer: "Prompts are kept 30 days, then deleted.",
        },
      ],
    });
  });
});

describe("API request bodies", () => {
  it("refuses a body over the limit with 413 before parsing it", async () => {
    const response = await createVendorRoute(
      apiRequest("/api/v1/vendors", token, {
        method: "POST",
        json: { name: "Big", notes: "x".repeat(1_100_000) },
      }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/larger than 1048576 bytes/);
    expect(await db.vendor.count({ where: { workspaceId: world.workspace.id, name: "Big" } })).toBe(
      0,
    );
  });

  it("holds an inline framework definition to the 2 MB limit of a file", async () => {
    const definition = {
      ...smallDefinition({ key: "huge-inline" }),
      description: "y".repeat(2_200_000),
    };
    const response = await importFrameworkRoute(
      apiRequest("/api/v1/frameworks", token, { method: "POST", json: { definition } }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/definition is larger than 2 MB/);
  });
});

describe("framework file name in Content-Disposition", () => {
  it.each([
    ["a quote", '1.0 "beta"'],
    ["CR LF", "1.0\r\nSet-Cookie: x=y"],
  ])("stays one safe header with %s in the version", async (_label, version) => {
    const key = `hdr-${Math.random().toString(36).slice(2, 8)}`;
    const imported = await importFrameworkRoute(
      apiRequest("/api/v1/frameworks", token, {
        method: "POST",
        json: { definition: smallDefinition({ key, version }) },
      }),
    );
    expect(imported.status).toBe(201);
    const response = await getVersionRoute(
      apiRequest(`/api/v1/frameworks/${key}/versions/${encodeURIComponent(version)}`, token),
      routeParams({ key, version }),
    );
    expect(response.status).toBe(200);
    const header = response.headers.get("content-disposition") ?? "";
    expect(header).toMatch(/^inline; filename="[^"\r\n]*"; filename\*=UTF-8''[^"\s]+$/);
  });
});

describe("CSV downloads", () => {
  it("quote a cell with a semicolon, so semicolon-locale spreadsheets keep it one cell", async () => {
    await db.aiSystem.update({
      where: { id: world.system.id },
      data: { name: 'Chatbot;=HYPERLINK("http://evil.example","x")' },
    });
    setSessionForTests(world.user.id);
    const response = await systemsCsvRoute(
      new Request(`http://localhost/w/${world.workspace.slug}/systems/export`),
      routeParams({ workspaceSlug: world.workspace.slug }),
    );
    const csv = await response.text();
    expect(csv).toContain('"Chatbot;=HYPERLINK(""http://evil.example"",""x"")"');
  });
});

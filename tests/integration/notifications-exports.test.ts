// "Your export is ready": the requester of an evidence bundle or a PDF report is told when the job
// records it DONE, once however often the job runs; a request without a person tells nobody.
import { beforeAll, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { runExportJob } from "@/lib/server/exports/run-export-job";
import { runReportJob } from "@/lib/server/reports/run-report-job";
import { exportScopeSchema } from "@/lib/validation/exports";

import { createExportWorld, type ExportWorld } from "./export-fixtures";

let world: ExportWorld;
beforeAll(async () => {
  world = await createExportWorld("ready");
});

it("tells the requester of an evidence bundle once, and nobody for a token's export", async () => {
  const scope = exportScopeSchema.parse({});
  const mine = await db.exportJob.create({
    data: {
      workspaceId: world.workspace.id,
      scope,
      requestedByLabel: "test",
      requestedById: world.auditor.id,
    },
  });
  const tokens = await db.exportJob.create({
    data: { workspaceId: world.workspace.id, scope, requestedByLabel: "token" },
  });
  await runExportJob({ jobId: mine.id, workspaceId: world.workspace.id });
  await runExportJob({ jobId: mine.id, workspaceId: world.workspace.id, attempt: 1 });
  await runExportJob({ jobId: tokens.id, workspaceId: world.workspace.id });
  expect((await db.exportJob.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("DONE");

  const told = await db.notification.findMany({ where: { event: "export.ready" } });
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({
    userId: world.auditor.id,
    workspaceId: world.workspace.id,
    category: "EXPORT_READY",
    dedupeKey: `export.ready:${mine.id}`,
    link: `/w/${world.workspace.slug}/exports`,
  });
});

it("tells the requester of a PDF report", async () => {
  const report = await db.reportJob.create({
    data: {
      workspaceId: world.workspace.id,
      requestedByLabel: "test",
      requestedById: world.user.id,
    },
  });
  await runReportJob({ reportId: report.id, workspaceId: world.workspace.id });
  expect((await db.reportJob.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("DONE");
  const told = await db.notification.findMany({ where: { event: "report.ready" } });
  expect(told.map((row) => [row.userId, row.dedupeKey])).toEqual([
    [world.user.id, `report.ready:${report.id}`],
  ]);
});

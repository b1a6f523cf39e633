// Shared by the workspace-deletion tests (local disk and S3): a census of every row holding a
// workspace id, and a workspace with a row in each of those tables, a stored object in each
// storage area, a queued job and a member's session.
import { createHash, randomBytes, randomUUID } from "node:crypto";

import { db } from "@/lib/db/client";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { runExportJob } from "@/lib/server/exports/run-export-job";
import { startExport } from "@/lib/server/exports/start-export";
import { jobQueue } from "@/lib/server/jobs/job-queue";
import { runReportJob } from "@/lib/server/reports/run-report-job";
import { exportScopeSchema } from "@/lib/validation/exports";

import type { ExportWorld } from "./export-fixtures";

/**
 * Every row in any table with a workspaceId column that belongs to `workspaceId` (except the
 * deletion record, which is meant to stay), by table; the schema is read, so a table added later
 * is counted without changing this.
 */
export async function rowsOf(workspaceId: string): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'workspaceId'
      AND table_name <> 'DeletedWorkspace'`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name}" WHERE "workspaceId" = $1`,
      workspaceId,
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) counts[table_name] = n;
  }
  const workspace = await db.workspace.count({ where: { id: workspaceId } });
  if (workspace > 0) counts.Workspace = workspace;
  return counts;
}

/** Every table holding a workspaceId, so a test can check it filled each one. */
export async function workspaceTables(): Promise<string[]> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'workspaceId'
      AND table_name <> 'DeletedWorkspace'`;
  return tables.map((t) => t.table_name).sort();
}

/** A finished export (its bundle in export storage); its queue job stays queued (no worker). */
export async function withBundle(world: ExportWorld) {
  const job = await startExport({
    workspaceId: world.workspace.id,
    role: "OWNER",
    actor: world.actor,
    requestedById: world.user.id,
    scope: exportScopeSchema.parse({}),
  });
  // The export job's handler, run here rather than by a queue worker.
  await runExportJob({ jobId: job.id, workspaceId: world.workspace.id });
  return db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
}

/**
 * Fills the tables the export world leaves empty: a PDF report (in report storage), a failed job,
 * a workspace crosswalk with a version, an archived part, stored coverage counts, a coverage
 * snapshot and a vendor assessment answer; plus a session
 * of the owner (sessions belong to users and must survive) and a queued job of the workspace.
 * Returns what the deletion test checks afterwards.
 */
export async function fillEveryTable(world: ExportWorld) {
  const ws = world.workspace.id;
  const report = await db.reportJob.create({
    data: { workspaceId: ws, requestedByLabel: "deletion test" },
  });
  await runReportJob({ reportId: report.id, workspaceId: ws });
  const { storageKey: reportKey } = await db.reportJob.findUniqueOrThrow({
    where: { id: report.id },
  });
  await db.failedJob.create({
    data: {
      workspaceId: ws,
      kind: exportBundleJob.name,
      queueJobId: randomUUID(),
      reason: "a failure shown to the workspace's admins",
      attempts: 4,
    },
  });
  await db.crosswalk.create({
    data: {
      scopeKey: ws,
      workspaceId: ws,
      key: `own-${randomBytes(3).toString("hex")}`,
      name: "Own crosswalk",
      publisher: "Tests",
      versions: { create: { version: "1.0.0", definition: {}, definitionHash: "h" } },
    },
  });
  await db.archivedDuty.create({
    data: {
      id: randomUUID(),
      workspaceId: ws,
      systemId: world.system.id,
      domainKey: "model_security",
      side: "CUSTOMER",
      status: "IMPLEMENTED",
      version: 1,
      createdAt: new Date(),
      evidenceLinks: [],
      reason: "deployment model changed",
    },
  });
  await db.systemCoverage.upsert({
    where: { systemId: world.system.id },
    create: {
      systemId: world.system.id,
      workspaceId: ws,
      generation: -1,
      totalDuties: 0,
      coveredDuties: 0,
      customerDuties: 0,
      providerDuties: 0,
      ownedDuties: 0,
      implementedDuties: 0,
      evidencedDuties: 0,
      assuredDuties: 0,
    },
    update: {},
  });
  await db.coverageSnapshot.create({
    data: { workspaceId: ws, day: new Date("2026-01-01"), totalDuties: 3, coveredDuties: 1 },
  });
  await db.vendorAssessmentAnswer.create({
    data: {
      workspaceId: ws,
      vendorId: world.vendor.id,
      topicKey: "data_retention",
      answer: "30 days",
    },
  });
  // Provider statements: one published (with its version) and one imported (with its version and
  // a review item).
  await db.providerStatement.create({
    data: {
      workspaceId: ws,
      productName: "Own product",
      publicId: randomUUID(),
      shareToken: randomBytes(32).toString("base64url"),
      draft: {},
      versions: { create: { workspaceId: ws, version: 1, document: {}, documentHash: "h" } },
    },
  });
  await db.importedStatement.create({
    data: {
      workspaceId: ws,
      vendorId: world.vendor.id,
      sourceId: randomUUID(),
      productName: "Vendor product",
      versions: {
        create: {
          workspaceId: ws,
          version: 1,
          document: {},
          documentHash: "h",
          sourceFormat: "ai-srm-provider-statement/1",
          unmapped: [],
          reviewItems: {
            create: {
              workspaceId: ws,
              systemId: world.system.id,
              domainKey: "model_security",
              systemValue: "C",
              statementValue: "P",
            },
          },
        },
      },
    },
  });
  // Issue 16: an approval request, an action plan with a duty, and a comment on it.
  const duty = await db.duty.findFirstOrThrow({ where: { workspaceId: ws } });
  await db.approvalRequest.create({
    data: {
      workspaceId: ws,
      kind: "RISK_ACCEPTANCE",
      dutyId: duty.id,
      responsibilityId: duty.responsibilityId,
      systemId: duty.systemId,
      domainKey: duty.domainKey,
      side: duty.side,
      justification: "accepted for the deletion test",
      requestedById: world.user.id,
      approverId: world.user.id,
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  const plan = await db.actionPlan.create({
    data: {
      workspaceId: ws,
      title: "Close the gaps",
      duties: { create: { workspaceId: ws, dutyId: duty.id } },
    },
  });
  await db.comment.create({
    data: { workspaceId: ws, planId: plan.id, authorId: world.user.id, body: "On it." },
  });
  await db.notification.create({
    data: {
      workspaceId: ws,
      userId: world.user.id,
      category: "ASSIGNMENT",
      event: "duty.assigned",
      dedupeKey: `duty.assigned:${randomUUID()}`,
      title: "A duty was assigned to you",
      link: `/w/${world.workspace.slug}/duties`,
    },
  });
  const session = await db.session.create({
    data: {
      userId: world.user.id,
      tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"),
      method: "password",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const queued = await (
    await jobQueue()
  ).findJobs(exportBundleJob.name, { data: { workspaceId: ws }, queued: true });
  return { reportKey, sessionId: session.id, queuedJobs: queued.length };
}

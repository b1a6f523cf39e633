// A small workspace for the export tests: the evidence world (a system with a shared and a
// customer-only domain), evidence files stored through the real storage module (two with the same
// name, one with a formula-like title, one vendor attestation), members of each role, and a few
// audit events. Built with the services' own building blocks so the bundle sees real rows.
import { createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceStorage, exportStorage } from "@/lib/storage/evidence-storage";
import { newObjectKey } from "@/lib/storage/storage";

import { createEvidenceWorld, pdfBytes, sha256, streamOf } from "../support/evidence-fixtures";
import { memberWithRole } from "../support/identity-fixtures";

export const FORMULA_TITLE = '=HYPERLINK("http://attacker.example","click")';

async function storeFile(bytes: Buffer) {
  const stored = await evidenceStorage().put(newObjectKey(), streamOf(bytes), {
    maxBytes: 10 * 1024 * 1024,
  });
  if (stored.sha256 !== sha256(bytes)) throw new Error("storage hashed differently");
  return stored;
}

export async function createExportWorld(prefix: string) {
  const world = await createEvidenceWorld(prefix);
  const ws = world.workspace.id;
  const fileEvidence = async (args: {
    title: string;
    fileName: string;
    bytes: Buffer;
    dutyIds: string[];
    vendorId?: string;
    collectedAt?: Date;
  }) => {
    const stored = await storeFile(args.bytes);
    const evidence = await db.evidence.create({
      data: {
        workspaceId: ws,
        kind: args.vendorId ? "ATTESTATION" : "FILE",
        title: args.title,
        fileName: args.fileName,
        contentType: "application/pdf",
        sizeBytes: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        vendorId: args.vendorId ?? null,
        reviewStatus: "ACCEPTED",
        collectedAt: args.collectedAt ?? new Date(),
      },
    });
    for (const dutyId of args.dutyIds)
      await db.evidenceLink.create({ data: { workspaceId: ws, evidenceId: evidence.id, dutyId } });
    return evidence;
  };
  const policy = await fileEvidence({
    title: "Access policy",
    fileName: "report.pdf",
    bytes: pdfBytes(20_000),
    dutyIds: [world.customerDuty.id],
  });
  const review = await fileEvidence({
    title: FORMULA_TITLE,
    fileName: "report.pdf",
    bytes: pdfBytes(9_000),
    dutyIds: [world.promptPart.id],
  });
  const attestation = await fileEvidence({
    title: "SOC 2 type II",
    fileName: "soc2.pdf",
    bytes: pdfBytes(15_000),
    dutyIds: [world.providerDuty.id],
    vendorId: world.vendor.id,
  });
  const old = await fileEvidence({
    title: "Old pen test",
    fileName: "pentest-2020.pdf",
    bytes: pdfBytes(5_000),
    dutyIds: [world.customerDuty.id],
    collectedAt: new Date("2020-06-01T12:00:00Z"),
  });
  await db.duty.update({
    where: { id: world.customerDuty.id },
    data: { ownerId: world.user.id, status: "IMPLEMENTED" },
  });
  for (let i = 0; i < 6; i += 1) {
    await workspaceTransaction(ws, "test event", (tx) =>
      recordAuditEvent(tx, {
        workspaceId: ws,
        actor: world.actor,
        action: "system.update",
        entityType: "AiSystem",
        entityId: world.system.id,
        diff: { n: i, note: { to: `=${i}` } },
      }),
    );
  }
  const [auditor, viewer, editor] = await Promise.all([
    memberWithRole(ws, "AUDITOR", `${prefix}-auditor`),
    memberWithRole(ws, "VIEWER", `${prefix}-viewer`),
    memberWithRole(ws, "EDITOR", `${prefix}-editor`),
  ]);
  return {
    ...world,
    evidence: { policy, review, attestation, old },
    auditor: auditor.user,
    viewer: viewer.user,
    editor: editor.user,
  };
}

export type ExportWorld = Awaited<ReturnType<typeof createExportWorld>>;

/** Objects in export storage, finished and unfinished alike (keys; every workspace's). */
export async function exportFiles(): Promise<string[]> {
  const storage = exportStorage();
  const keys: string[] = [];
  for await (const page of storage.list()) keys.push(...page.map((o) => o.key));
  for await (const page of storage.listIncomplete()) keys.push(...page.map((o) => `${o.key}.part`));
  return keys.sort();
}

/** Copies a finished job's bundle out of storage into `dir`, for unzip and the verifier. */
export async function bundleFile(job: { id: string; storageKey: string | null }, dir: string) {
  if (!job.storageKey) throw new Error(`export ${job.id} has no bundle in storage`);
  const target = path.join(dir, `${job.id}.zip`);
  await pipeline(await exportStorage().get(job.storageKey), createWriteStream(target));
  return target;
}

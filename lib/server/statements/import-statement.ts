import "server-only";

import { createHash } from "node:crypto";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findStatementSystems, mapStatement } from "@/lib/server/statements/map-statement";
import {
  findFrameworkDefinition,
  StatementInvalidError,
} from "@/lib/server/statements/statement-framework";
import { diffStatements, type StatementDiff } from "@/lib/statements/compare";
import {
  type ProviderStatementDocument,
  providerStatementSchema,
  type StatementAttestation,
} from "@/lib/statements/format";
import { completeStatement, namedFramework, readStatementText } from "@/lib/statements/parse";
import type { AttestationType } from "@/lib/validation/evidence";

export type ImportStatementResult = {
  importedStatementId: string;
  versionId: string;
  version: number;
  productName: string;
  sourceFormat: string;
  unmapped: string[];
  diff: StatementDiff | null;
  systems: number;
  linkedDuties: number;
  reviewItems: number;
};

/** Our evidence's attestation type from the statement's free text. */
function attestationType(a: StatementAttestation): AttestationType {
  const text = `${a.type ?? ""} ${a.title}`.toLowerCase();
  if (/soc ?2/.test(text)) return "SOC2_REPORT";
  if (/27001/.test(text)) return "ISO27001_CERTIFICATE";
  if (/model card/.test(text)) return "MODEL_CARD";
  if (/\bdpa\b|data.processing/.test(text)) return "DPA";
  if (/pen(etration)? ?test/.test(text)) return "PENETRATION_TEST";
  return "OTHER";
}

/** A statement's "valid until" day is valid through its end (UTC). */
function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

/**
 * Imports a vendor's statement (our JSON or an OSCAL component definition) into a customer
 * workspace, all or nothing (docs/provider-statements.md, "Import"):
 * - every problem of the text, of its framework version and of its ids is named, nothing written;
 * - the version is stored, the older versions of the same statement and their attestations are
 *   superseded, and what changed against the previous version is kept with it;
 * - each attestation becomes an ATTESTATION evidence item linked to the provider parts, in the
 *   domains the statement says the provider holds or shares, of the vendor's active systems on
 *   that framework version and one of its deployment models. Not vendor-wide attestations
 *   (Evidence.vendorId), which would cover every domain, claimed or not;
 * - every cell where the statement's position differs from the system's value becomes a review
 *   item; the matrix itself is never changed.
 */
export async function importStatement({
  workspaceId,
  actor,
  vendorId,
  text,
  now = new Date(),
}: {
  workspaceId: string;
  actor: AuditActor;
  vendorId: string;
  text: string;
  now?: Date;
}): Promise<ImportStatementResult> {
  const vendor = await db.vendor.findFirst({
    where: { id: vendorId, workspaceId },
    select: { id: true, name: true },
  });
  if (!vendor) throw new NotFoundError("Vendor not found.");

  const read = readStatementText(text);
  if (!read.ok) throw new StatementInvalidError(read.problems);

  // The framework version: the one the document names, else (another provider's OSCAL) the one
  // the vendor's systems use, when they agree on one.
  let framework = namedFramework(read);
  if (!framework) {
    const used = await db.aiSystem.findMany({
      where: { workspaceId, vendorId, archivedAt: null },
      distinct: ["frameworkVersionId"],
      select: {
        frameworkVersion: { select: { version: true, framework: { select: { key: true } } } },
      },
    });
    if (used.length !== 1)
      throw new StatementInvalidError([
        used.length === 0
          ? "framework: the document names no framework and the vendor has no systems to take one from"
          : "framework: the document names no framework and the vendor's systems use several",
      ]);
    framework = {
      key: used[0]!.frameworkVersion.framework.key,
      version: used[0]!.frameworkVersion.version,
    };
  }
  const definition = await findFrameworkDefinition(workspaceId, framework);
  if (!definition)
    throw new StatementInvalidError([
      `framework: ${framework.key} ${framework.version} is not a framework version of this workspace`,
    ]);
  const completed = completeStatement(read, definition);
  if (!completed.ok) throw new StatementInvalidError(completed.problems);
  const document = completed.document;

  return workspaceTransaction(workspaceId, "importStatement", async (tx) => {
    const existing = await tx.importedStatement.findFirst({
      where: { workspaceId, vendorId, sourceId: document.statementId },
      select: {
        id: true,
        versions: {
          where: { workspaceId },
          orderBy: { version: "desc" },
          take: 1,
          select: { id: true, version: true, document: true },
        },
      },
    });
    const previous = existing?.versions[0] ?? null;
    if (previous && document.version <= previous.version)
      throw new StatementInvalidError([
        `version: ${document.version} is not newer than version ${previous.version}, already imported for this vendor`,
      ]);
    const statement =
      existing ??
      (await tx.importedStatement.create({
        data: {
          workspaceId,
          vendorId,
          sourceId: document.statementId,
          productName: document.product.name,
        },
        select: { id: true },
      }));
    if (existing)
      await tx.importedStatement.update({
        where: { id: statement.id, workspaceId },
        data: { productName: document.product.name },
      });

    const diff = previous
      ? diffStatements(providerStatementSchema.parse(previous.document), document)
      : null;
    const version = await tx.importedStatementVersion.create({
      data: {
        workspaceId,
        importedStatementId: statement.id,
        version: document.version,
        document,
        documentHash: createHash("sha256").update(JSON.stringify(document)).digest("hex"),
        sourceFormat: completed.sourceFormat,
        unmapped: completed.unmapped,
        diff: (diff ?? undefined) as Prisma.InputJsonValue | undefined,
        importedById: actor.type === "USER" ? (actor.id ?? null) : null,
        importedAt: now,
      },
      select: { id: true },
    });

    // The older versions and the attestations they brought stop counting now.
    const older = await tx.importedStatementVersion.findMany({
      where: { workspaceId, importedStatementId: statement.id, id: { not: version.id } },
      select: { id: true },
    });
    const olderIds = older.map((v) => v.id);
    if (olderIds.length > 0) {
      await tx.importedStatementVersion.updateMany({
        where: { workspaceId, id: { in: olderIds }, supersededAt: null },
        data: { supersededAt: now },
      });
      await tx.evidence.updateMany({
        where: { workspaceId, importedStatementVersionId: { in: olderIds }, supersededAt: null },
        data: { supersededAt: now },
      });
    }

    const effect = await applyStatement(tx, {
      workspaceId,
      actor,
      vendor,
      document,
      versionId: version.id,
      previousVersionId: previous?.id ?? null,
    });

    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.import",
      entityType: "ImportedStatement",
      entityId: statement.id,
      diff: {
        vendorId,
        version: document.version,
        sourceFormat: completed.sourceFormat,
        attestations: document.attestations.length,
        linkedDuties: effect.linkedDuties,
        reviewItems: effect.reviewItems,
      },
    });
    return {
      importedStatementId: statement.id,
      versionId: version.id,
      version: document.version,
      productName: document.product.name,
      sourceFormat: completed.sourceFormat,
      unmapped: completed.unmapped,
      diff,
      ...effect,
    };
  });
}

async function applyStatement(
  tx: Prisma.TransactionClient,
  input: {
    workspaceId: string;
    actor: AuditActor;
    vendor: { id: string; name: string };
    document: ProviderStatementDocument;
    versionId: string;
    previousVersionId: string | null;
  },
) {
  const { workspaceId, document } = input;
  const actorId = input.actor.type === "USER" ? (input.actor.id ?? null) : null;

  // One evidence item per attestation, linked below to the parts it speaks for.
  const evidenceIds = new Map<string, string>();
  for (const a of document.attestations) {
    const created = await tx.evidence.create({
      data: {
        workspaceId,
        kind: "ATTESTATION",
        title: a.title,
        attestationType: attestationType(a),
        sha256: a.sha256,
        collectedAt: a.validFrom ? new Date(`${a.validFrom}T00:00:00.000Z`) : new Date(),
        validUntil: a.validUntil ? endOfDay(a.validUntil) : null,
        note:
          `From the provider statement "${document.product.name}" version ${document.version} ` +
          `of ${input.vendor.name}` +
          (a.fileName ? ` (file ${a.fileName})` : "") +
          (a.type ? `; type: ${a.type}` : "") +
          `. The file itself is held by the provider; its SHA-256 is ${a.sha256}.`,
        uploaderId: actorId,
        importedStatementVersionId: input.versionId,
      },
      select: { id: true },
    });
    evidenceIds.set(a.sha256, created.id);
  }

  const systems = await findStatementSystems(tx, {
    workspaceId,
    vendorId: input.vendor.id,
    document,
  });
  const { links, items } = mapStatement({
    workspaceId,
    versionId: input.versionId,
    document,
    evidenceIds,
    systems,
    createdById: actorId,
  });
  if (links.length > 0) await tx.evidenceLink.createMany({ data: links, skipDuplicates: true });

  // A review decision carries over to the next version while the disagreement is the same one.
  if (input.previousVersionId && items.length > 0) {
    const decided = await tx.statementReviewItem.findMany({
      where: { workspaceId, versionId: input.previousVersionId, state: { not: "OPEN" } },
      select: {
        systemId: true,
        domainKey: true,
        systemValue: true,
        statementValue: true,
        state: true,
        decidedById: true,
        decidedAt: true,
      },
    });
    for (const item of items) {
      const same = decided.find(
        (d) =>
          d.systemId === item.systemId &&
          d.domainKey === item.domainKey &&
          d.systemValue === item.systemValue &&
          d.statementValue === item.statementValue,
      );
      if (same)
        Object.assign(item, {
          state: same.state,
          decidedById: same.decidedById,
          decidedAt: same.decidedAt,
        });
    }
  }
  if (items.length > 0) await tx.statementReviewItem.createMany({ data: items });
  return {
    systems: systems.length,
    linkedDuties: new Set(links.map((l) => l.dutyId)).size,
    reviewItems: items.length,
  };
}

import "server-only";

import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { EvidenceKind, Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertDutiesInWorkspace } from "@/lib/server/evidence/assert-duties-in-workspace";

export type NewEvidence = {
  kind: EvidenceKind;
  title: string;
  description?: string | null;
  url?: string | null;
  note?: string | null;
  attestationType?: string | null;
  vendorId?: string | null;
  collectedAt?: Date;
  validUntil?: Date | null;
  file?: {
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
  } | null;
};

export type InsertEvidenceArgs = {
  workspaceId: string;
  actor: AuditActor;
  evidence: NewEvidence;
  dutyIds?: readonly string[];
  supersedesId?: string | null;
};

/**
 * Writes one evidence item inside the caller's transaction: checks that the vendor, the parts and
 * the revision being replaced belong to the workspace (404 otherwise, nothing written), creates
 * the row and its part links, and, for a revision, supersedes the old item and MOVES its links
 * here. Audit events are written in the same transaction.
 */
export async function insertEvidence(tx: Prisma.TransactionClient, args: InsertEvidenceArgs) {
  const { workspaceId, actor } = args;
  const dutyIds = [...new Set(args.dutyIds ?? [])];
  let { vendorId = null, attestationType = null } = args.evidence;

  const previous = args.supersedesId
    ? await tx.evidence.findFirst({
        where: { id: args.supersedesId, workspaceId, deletedAt: null },
        select: { id: true, kind: true, supersededAt: true, vendorId: true, attestationType: true },
      })
    : null;
  if (args.supersedesId) {
    if (!previous) throw new NotFoundError("The evidence item to replace was not found.");
    if (previous.supersededAt) {
      throw new ConflictError(
        "That evidence item already has a newer revision; add the revision to the newest one.",
      );
    }
    if (previous.kind !== args.evidence.kind) {
      throw ValidationError.forField(
        "kind",
        `A revision must have the same kind as the item it replaces (${previous.kind}).`,
      );
    }
    // A new revision of an attestation keeps what it attests and for whom unless told otherwise.
    vendorId ??= previous.vendorId;
    attestationType ??= previous.attestationType;
  }
  if (vendorId) {
    const vendor = await tx.vendor.findFirst({
      where: { id: vendorId, workspaceId },
      select: { id: true },
    });
    if (!vendor) throw new NotFoundError("Vendor not found.");
  }
  await assertDutiesInWorkspace(tx, { workspaceId, dutyIds });

  const { file } = args.evidence;
  const created = await tx.evidence.create({
    data: {
      workspaceId,
      kind: args.evidence.kind,
      title: args.evidence.title,
      description: args.evidence.description ?? null,
      url: args.evidence.url ?? null,
      note: args.evidence.note ?? null,
      attestationType,
      vendorId,
      ...(args.evidence.collectedAt ? { collectedAt: args.evidence.collectedAt } : {}),
      validUntil: args.evidence.validUntil ?? null,
      fileName: file?.fileName ?? null,
      contentType: file?.contentType ?? null,
      sizeBytes: file ? BigInt(file.sizeBytes) : null,
      sha256: file?.sha256 ?? null,
      storageKey: file?.storageKey ?? null,
      uploaderId: actor.type === "USER" ? (actor.id ?? null) : null,
      uploaderTokenId: actor.type === "TOKEN" ? (actor.id ?? null) : null,
      supersedesId: previous?.id ?? null,
    },
    select: { id: true },
  });

  if (dutyIds.length > 0) {
    await tx.evidenceLink.createMany({
      data: dutyIds.map((dutyId) => ({
        workspaceId,
        evidenceId: created.id,
        dutyId,
        createdById: actorUserId(actor),
      })),
    });
  }

  await recordAuditEvent(tx, {
    workspaceId,
    actor,
    action: "evidence.create",
    entityType: "Evidence",
    entityId: created.id,
    diff: {
      kind: args.evidence.kind,
      title: args.evidence.title,
      url: args.evidence.url ?? undefined,
      attestationType: attestationType ?? undefined,
      vendorId: vendorId ?? undefined,
      validUntil: args.evidence.validUntil ?? undefined,
      file: file
        ? {
            name: file.fileName,
            contentType: file.contentType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
          }
        : undefined,
      dutyIds: dutyIds.length > 0 ? dutyIds : undefined,
      supersedesId: previous?.id,
    },
  });

  if (previous)
    await supersede(tx, { workspaceId, actor, previousId: previous.id, nextId: created.id });
  return created;
}

async function supersede(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    actor,
    previousId,
    nextId,
  }: { workspaceId: string; actor: AuditActor; previousId: string; nextId: string },
) {
  // Conditional update: of two revisions racing for the same item only one can win.
  const marked = await tx.evidence.updateMany({
    where: { id: previousId, workspaceId, supersededAt: null, deletedAt: null },
    data: { supersededAt: new Date() },
  });
  if (marked.count !== 1)
    throw new ConflictError(
      "That evidence item was replaced or deleted meanwhile; reload and try again.",
    );

  const oldLinks = await tx.evidenceLink.findMany({
    where: { workspaceId, evidenceId: previousId },
    select: { id: true, dutyId: true },
  });
  const already = new Set(
    (
      await tx.evidenceLink.findMany({
        where: { workspaceId, evidenceId: nextId },
        select: { dutyId: true },
      })
    ).map((l) => l.dutyId),
  );
  const toMove = oldLinks.filter((link) => !already.has(link.dutyId)).map((link) => link.id);
  // Moving (not copying) keeps each link's creator and date, and leaves the old revision unlinked
  // so it can never count twice.
  if (toMove.length > 0) {
    await tx.evidenceLink.updateMany({
      where: { workspaceId, id: { in: toMove } },
      data: { evidenceId: nextId },
    });
  }
  await tx.evidenceLink.deleteMany({ where: { workspaceId, evidenceId: previousId } });

  await recordAuditEvent(tx, {
    workspaceId,
    actor,
    action: "evidence.supersede",
    entityType: "Evidence",
    entityId: previousId,
    diff: { supersededById: nextId, movedDutyIds: oldLinks.map((link) => link.dutyId) },
  });
}

export function actorUserId(actor: AuditActor): string | null {
  return actor.type === "USER" ? (actor.id ?? null) : null;
}

import "server-only";

import { type EvidenceState, evidenceState, isCurrentEvidence } from "@/lib/domain/evidence-state";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The columns every evidence read returns (never the storage key: it is an internal detail). */
export const evidenceSelect = {
  id: true,
  kind: true,
  title: true,
  description: true,
  url: true,
  note: true,
  attestationType: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  collectedAt: true,
  validUntil: true,
  reviewStatus: true,
  reviewerId: true,
  reviewComment: true,
  reviewedAt: true,
  uploaderId: true,
  uploaderTokenId: true,
  supersedesId: true,
  supersededAt: true,
  deletedAt: true,
  purgedAt: true,
  createdAt: true,
  updatedAt: true,
  vendor: { select: { id: true, name: true } },
  supersededBy: { select: { id: true } },
  _count: { select: { links: true } },
} satisfies Prisma.EvidenceSelect;

export type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>;

export type EvidenceView = {
  id: string;
  kind: EvidenceRow["kind"];
  title: string;
  description: string | null;
  url: string | null;
  note: string | null;
  attestationType: string | null;
  file: {
    name: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    purged: boolean;
  } | null;
  collectedAt: Date;
  validUntil: Date | null;
  review: {
    status: EvidenceRow["reviewStatus"];
    reviewerId: string | null;
    comment: string | null;
    reviewedAt: Date | null;
  };
  uploaderId: string | null;
  uploaderTokenId: string | null;
  vendor: { id: string; name: string } | null;
  supersedesId: string | null;
  supersededById: string | null;
  supersededAt: Date | null;
  deletedAt: Date | null;
  purgedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Display state (lib/domain/evidence-state.ts); `isCurrent` is what coverage counts. */
  state: EvidenceState;
  isCurrent: boolean;
  linkCount: number;
};

export function toEvidenceView(row: EvidenceRow, now = new Date()): EvidenceView {
  const currency = {
    reviewStatus: row.reviewStatus,
    superseded: row.supersededAt !== null || row.supersededBy !== null,
    validUntil: row.validUntil,
    deletedAt: row.deletedAt,
  };
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    url: row.url,
    note: row.note,
    attestationType: row.attestationType,
    file:
      row.fileName !== null && row.sha256 !== null
        ? {
            name: row.fileName,
            contentType: row.contentType ?? "application/octet-stream",
            // BigInt in the schema for headroom; any file we accept fits a double exactly.
            sizeBytes: Number(row.sizeBytes ?? 0),
            sha256: row.sha256,
            purged: row.purgedAt !== null,
          }
        : null,
    collectedAt: row.collectedAt,
    validUntil: row.validUntil,
    review: {
      status: row.reviewStatus,
      reviewerId: row.reviewerId,
      comment: row.reviewComment,
      reviewedAt: row.reviewedAt,
    },
    uploaderId: row.uploaderId,
    uploaderTokenId: row.uploaderTokenId,
    vendor: row.vendor,
    supersedesId: row.supersedesId,
    supersededById: row.supersededBy?.id ?? null,
    supersededAt: row.supersededAt,
    deletedAt: row.deletedAt,
    purgedAt: row.purgedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    state: evidenceState(currency, now, env().EXPIRING_SOON_DAYS),
    isCurrent: isCurrentEvidence(currency, now),
    linkCount: row._count.links,
  };
}

import "server-only";

import { db } from "@/lib/db/client";
import type { AttestationCandidate } from "@/lib/view/statements/labels";

/**
 * The workspace's live attestations that carry a file digest, for the draft editor to copy into a
 * statement (title, dates and SHA-256 only; the file stays in the workspace).
 */
export async function listAttestationCandidates({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<AttestationCandidate[]> {
  const rows = await db.evidence.findMany({
    where: {
      workspaceId,
      kind: "ATTESTATION",
      sha256: { not: null },
      deletedAt: null,
      supersededAt: null,
      importedStatementVersionId: null,
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      attestationType: true,
      validUntil: true,
      collectedAt: true,
      sha256: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    attestationType: r.attestationType,
    validUntil: r.validUntil?.toISOString() ?? null,
    collectedAt: r.collectedAt.toISOString(),
    sha256: r.sha256!,
  }));
}

import "server-only";

import { db } from "@/lib/db/client";
import type { EvidenceState } from "@/lib/domain/evidence-state";
import type { EvidenceKind } from "@/lib/generated/prisma/client";
import { dutyCoverageSql } from "@/lib/server/coverage/duty-coverage-sql";
import { evidenceSelect, toEvidenceView } from "@/lib/server/evidence/evidence-view";

export type EvidenceChip = {
  id: string;
  title: string;
  kind: EvidenceKind;
  state: EvidenceState;
  attestationType: string | null;
};

export type SystemEvidence = {
  /** Evidence linked directly to each part (live items only: deleted ones no longer count). */
  byDuty: Record<string, EvidenceChip[]>;
  /** Live attestations held for the system's vendor: they count on every provider part. */
  vendorAttestations: EvidenceChip[];
  vendor: { id: string; name: string } | null;
  /** Coverage per part from THE coverage SQL (parts of archived or retired systems are absent). */
  coveredByDuty: Record<string, boolean>;
};

/**
 * What the responsibility view of one system shows next to each part: its evidence, the vendor's
 * attestations, and whether the part is covered. Three queries whatever the number of parts.
 */
export async function listSystemEvidence({
  workspaceId,
  systemId,
  now = new Date(),
}: {
  workspaceId: string;
  systemId: string;
  now?: Date;
}): Promise<SystemEvidence> {
  const system = await db.aiSystem.findFirst({
    where: { id: systemId, workspaceId },
    select: { vendor: { select: { id: true, name: true } } },
  });
  if (!system) return { byDuty: {}, vendorAttestations: [], vendor: null, coveredByDuty: {} };
  const chip = (row: Parameters<typeof toEvidenceView>[0]): EvidenceChip => {
    const view = toEvidenceView(row, now);
    return {
      id: view.id,
      title: view.title,
      kind: view.kind,
      state: view.state,
      attestationType: view.attestationType,
    };
  };
  const [links, attestations, coverage] = await Promise.all([
    db.evidenceLink.findMany({
      where: {
        workspaceId,
        duty: { workspaceId, systemId },
        evidence: { workspaceId, deletedAt: null },
      },
      orderBy: { createdAt: "asc" },
      select: { dutyId: true, evidence: { select: evidenceSelect } },
    }),
    system.vendor
      ? db.evidence.findMany({
          where: {
            workspaceId,
            vendorId: system.vendor.id,
            kind: "ATTESTATION",
            deletedAt: null,
            supersededAt: null,
          },
          orderBy: { createdAt: "desc" },
          select: evidenceSelect,
        })
      : Promise.resolve([]),
    db.$queryRaw<{ dutyId: string; covered: boolean }[]>`
      SELECT pc."dutyId", pc.covered
      FROM (${dutyCoverageSql({ workspaceId, scope: { systemIds: [systemId] }, now })}) pc`,
  ]);
  const byDuty: Record<string, EvidenceChip[]> = {};
  for (const link of links) (byDuty[link.dutyId] ??= []).push(chip(link.evidence));
  return {
    byDuty,
    vendorAttestations: attestations.map(chip),
    vendor: system.vendor,
    coveredByDuty: Object.fromEntries(coverage.map((row) => [row.dutyId, row.covered])),
  };
}

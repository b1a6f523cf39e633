import "server-only";

import type { Prisma, ResponsibilityValue } from "@/lib/generated/prisma/client";
import { disagreement } from "@/lib/statements/compare";
import {
  attestationsFor,
  positionCode,
  type ProviderStatementDocument,
} from "@/lib/statements/format";

/** A system as the mapping reads it: its domains' values and their provider duty. */
export type StatementSystem = {
  id: string;
  responsibilities: {
    domainKey: string;
    value: ResponsibilityValue;
    duties: { id: string }[];
  }[];
};

/**
 * The systems an imported statement version applies to: the vendor's active systems on the
 * statement's framework version that use at least one of its deployment models, with their
 * provider duties. `systemIds` narrows it to some systems (a system that was just registered or
 * changed); without it, all of the vendor's.
 */
export async function findStatementSystems(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    vendorId,
    document,
    systemIds,
  }: {
    workspaceId: string;
    vendorId: string;
    document: ProviderStatementDocument;
    systemIds?: string[];
  },
): Promise<StatementSystem[]> {
  return tx.aiSystem.findMany({
    where: {
      workspaceId,
      vendorId,
      archivedAt: null,
      ...(systemIds ? { id: { in: systemIds } } : {}),
      deploymentModels: { hasSome: document.deploymentModels },
      frameworkVersion: {
        version: document.framework.version,
        framework: { key: document.framework.key },
      },
    },
    select: {
      id: true,
      responsibilities: {
        where: { workspaceId },
        select: {
          domainKey: true,
          value: true,
          duties: { where: { workspaceId, side: "PROVIDER" }, select: { id: true } },
        },
      },
    },
  });
}

export type StatementLink = {
  workspaceId: string;
  evidenceId: string;
  dutyId: string;
  createdById: string | null;
};

/**
 * The one rule of what a statement version does to the systems it applies to (the import and
 * every later change of a system's vendor or duties call it, so they cannot drift apart):
 * - each attestation is linked to the provider duty of every domain the statement says the
 *   provider holds or shares (and the attestation's own domains, when it names some);
 * - every domain the statement names whose position differs from the system's effective value
 *   (NA when the system has no such domain) is a review item.
 * `evidenceIds`: the version's evidence item per attestation digest.
 */
export function mapStatement({
  workspaceId,
  versionId,
  document,
  evidenceIds,
  systems,
  createdById,
}: {
  workspaceId: string;
  versionId: string;
  document: ProviderStatementDocument;
  evidenceIds: ReadonlyMap<string, string>;
  systems: StatementSystem[];
  createdById: string | null;
}) {
  const links: StatementLink[] = [];
  const items: Prisma.StatementReviewItemCreateManyInput[] = [];
  for (const system of systems) {
    const byDomain = new Map(system.responsibilities.map((r) => [r.domainKey, r]));
    for (const domain of document.domains) {
      const responsibility = byDomain.get(domain.key);
      const systemValue = responsibility?.value ?? "NA";
      const statementValue = positionCode(domain.position);
      if (disagreement(systemValue, statementValue))
        items.push({
          workspaceId,
          versionId,
          systemId: system.id,
          domainKey: domain.key,
          systemValue,
          statementValue,
        });
      const duty = responsibility?.duties[0];
      if (!duty) continue;
      for (const a of attestationsFor(document, domain.key)) {
        const evidenceId = evidenceIds.get(a.sha256);
        if (evidenceId) links.push({ workspaceId, evidenceId, dutyId: duty.id, createdById });
      }
    }
  }
  return { links, items };
}

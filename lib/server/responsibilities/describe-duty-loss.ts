import "server-only";

import { createHash } from "node:crypto";

import type { db } from "@/lib/db/client";
import type {
  DutySide,
  DutyStatus,
  Prisma,
  ResponsibilityValue,
} from "@/lib/generated/prisma/client";

type Client = Prisma.TransactionClient | typeof db;

export type LostLink = {
  id: string;
  evidenceId: string;
  evidenceTitle: string;
  createdById: string | null;
  createdAt: string;
};

export type LostDuty = {
  id: string;
  domainKey: string;
  side: DutySide;
  ownerId: string | null;
  status: DutyStatus;
  justification: string | null;
  dueDate: string | null;
  riskAcceptanceExpiresAt: string | null;
  riskApproverId: string | null;
  version: number;
  createdAt: string;
  evidenceLinks: LostLink[];
  /** Set when the part's whole domain goes: the domain's override, kept with the part. */
  override: {
    value: ResponsibilityValue;
    justification: string | null;
    overriddenById: string | null;
    overriddenAt: string | null;
  } | null;
};

/**
 * What a change would remove, part by part, and a hash of exactly that: the confirmation the
 * server requires (updateSystem, overrideResponsibility). The hash covers every part's id and
 * version (any edit bumps the version), its links' ids and the overrides that go with removed
 * domains, so work added or changed after the preview changes the hash and the save is refused
 * with 409 instead of losing it unseen.
 */
export type DutyLoss = { hash: string; parts: LostDuty[] };

const day = (value: Date | null) => (value ? value.toISOString() : null);

export async function describeDutyLoss(
  client: Client,
  {
    workspaceId,
    dutyIds,
    removedResponsibilityIds = [],
  }: { workspaceId: string; dutyIds: string[]; removedResponsibilityIds?: string[] },
): Promise<DutyLoss> {
  const parts =
    dutyIds.length === 0
      ? []
      : await client.duty.findMany({
          where: { workspaceId, id: { in: dutyIds } },
          orderBy: { id: "asc" },
          select: {
            id: true,
            responsibilityId: true,
            domainKey: true,
            side: true,
            ownerId: true,
            status: true,
            justification: true,
            dueDate: true,
            riskAcceptanceExpiresAt: true,
            riskApproverId: true,
            version: true,
            createdAt: true,
            responsibility: {
              select: {
                overrideValue: true,
                overrideJustification: true,
                overriddenById: true,
                overriddenAt: true,
              },
            },
            evidenceLinks: {
              where: { workspaceId },
              orderBy: { id: "asc" },
              select: {
                id: true,
                evidenceId: true,
                createdById: true,
                createdAt: true,
                evidence: { select: { title: true } },
              },
            },
          },
        });
  const removedDomains = new Set(removedResponsibilityIds);
  const lost: LostDuty[] = parts.map((part) => ({
    id: part.id,
    domainKey: part.domainKey,
    side: part.side,
    ownerId: part.ownerId,
    status: part.status,
    justification: part.justification,
    dueDate: day(part.dueDate),
    riskAcceptanceExpiresAt: day(part.riskAcceptanceExpiresAt),
    riskApproverId: part.riskApproverId,
    version: part.version,
    createdAt: part.createdAt.toISOString(),
    evidenceLinks: part.evidenceLinks.map((link) => ({
      id: link.id,
      evidenceId: link.evidenceId,
      evidenceTitle: link.evidence.title,
      createdById: link.createdById,
      createdAt: link.createdAt.toISOString(),
    })),
    override:
      removedDomains.has(part.responsibilityId) && part.responsibility.overrideValue
        ? {
            value: part.responsibility.overrideValue,
            justification: part.responsibility.overrideJustification,
            overriddenById: part.responsibility.overriddenById,
            overriddenAt: day(part.responsibility.overriddenAt),
          }
        : null,
  }));
  const fingerprint = lost.map((part) => ({
    id: part.id,
    version: part.version,
    links: part.evidenceLinks.map((link) => link.id),
    override: part.override,
  }));
  const hash = createHash("sha256")
    .update(JSON.stringify({ parts: fingerprint, domains: [...removedDomains].sort() }))
    .digest("hex");
  return { hash, parts: lost };
}

/** Whether a removed part holds anything a person did: only such a loss needs confirming. */
export function dutyCarriesWork(part: LostDuty): boolean {
  return (
    part.ownerId !== null ||
    part.status !== "NOT_STARTED" ||
    part.justification !== null ||
    part.dueDate !== null ||
    part.riskAcceptanceExpiresAt !== null ||
    part.riskApproverId !== null ||
    part.evidenceLinks.length > 0 ||
    part.override !== null
  );
}

/**
 * Whether a change may go ahead: a loss that carries work needs `confirmLoss` equal to its hash;
 * a given `confirmLoss` must match even when nothing carries work (the client reviewed a plan
 * that has changed since).
 */
export function lossConfirmed(loss: DutyLoss, confirmLoss: string | null | undefined): boolean {
  if (confirmLoss) return confirmLoss === loss.hash;
  return !loss.parts.some(dutyCarriesWork);
}

/** The short form for previews, API answers and 409 bodies. */
export function lossSummary(loss: DutyLoss) {
  return {
    hash: loss.hash,
    parts: loss.parts.map((part) => ({
      id: part.id,
      domainKey: part.domainKey,
      side: part.side,
      ownerId: part.ownerId,
      status: part.status,
      hasJustification: part.justification !== null,
      evidenceLinks: part.evidenceLinks.length,
      carriesWork: dutyCarriesWork(part),
    })),
  };
}
export type LossSummary = ReturnType<typeof lossSummary>;

import "server-only";

import type { DutySide, Prisma, ResponsibilityValue } from "@/lib/generated/prisma/client";
import type { LostDuty } from "@/lib/server/responsibilities/describe-duty-loss";

type ArchiveReason = "rederivation" | "override";

/**
 * Keeps parts that are about to be deleted (call before deleting them, in the same
 * transaction), replacing an older archive of the same slot (system, domain, side).
 */
export async function archiveDuties(
  tx: Prisma.TransactionClient,
  args: {
    workspaceId: string;
    systemId: string;
    parts: LostDuty[];
    reason: ArchiveReason;
    archivedById: string | null;
  },
) {
  if (args.parts.length === 0) return;
  await tx.archivedDuty.deleteMany({
    where: {
      workspaceId: args.workspaceId,
      systemId: args.systemId,
      OR: args.parts.map((part) => ({ domainKey: part.domainKey, side: part.side })),
    },
  });
  await tx.archivedDuty.createMany({
    data: args.parts.map((part) => ({
      id: part.id,
      workspaceId: args.workspaceId,
      systemId: args.systemId,
      domainKey: part.domainKey,
      side: part.side,
      ownerId: part.ownerId,
      status: part.status,
      justification: part.justification,
      dueDate: part.dueDate ? new Date(part.dueDate) : null,
      riskAcceptanceExpiresAt: part.riskAcceptanceExpiresAt
        ? new Date(part.riskAcceptanceExpiresAt)
        : null,
      riskApproverId: part.riskApproverId,
      version: part.version,
      createdAt: new Date(part.createdAt),
      evidenceLinks: part.evidenceLinks.map(({ id, evidenceId, createdById, createdAt }) => ({
        id,
        evidenceId,
        createdById,
        createdAt,
      })),
      overrideValue: part.override?.value ?? null,
      overrideJustification: part.override?.justification ?? null,
      overriddenById: part.override?.overriddenById ?? null,
      overriddenAt: part.override?.overriddenAt ? new Date(part.override.overriddenAt) : null,
      reason: args.reason,
      archivedById: args.archivedById,
    })),
  });
}

export type ArchivedOverride = {
  value: ResponsibilityValue;
  justification: string | null;
  overriddenById: string | null;
  overriddenAt: Date | null;
};

/** Overrides kept with archived parts of whole removed domains, by domain key. */
export async function archivedOverrides(
  client: Prisma.TransactionClient,
  { workspaceId, systemId }: { workspaceId: string; systemId: string },
): Promise<Map<string, ArchivedOverride>> {
  const rows = await client.archivedDuty.findMany({
    where: { workspaceId, systemId, overrideValue: { not: null } },
    orderBy: { archivedAt: "asc" },
    select: {
      domainKey: true,
      overrideValue: true,
      overrideJustification: true,
      overriddenById: true,
      overriddenAt: true,
    },
  });
  const result = new Map<string, ArchivedOverride>();
  for (const row of rows) {
    if (!row.overrideValue) continue;
    result.set(row.domainKey, {
      value: row.overrideValue,
      justification: row.overrideJustification,
      overriddenById: row.overriddenById,
      overriddenAt: row.overriddenAt,
    });
  }
  return result;
}

/** Archived slots of a system, to say in a preview which new duties come back with their work. */
export async function archivedSlots(
  client: Prisma.TransactionClient,
  { workspaceId, systemId }: { workspaceId: string; systemId: string },
): Promise<Set<string>> {
  const rows = await client.archivedDuty.findMany({
    where: { workspaceId, systemId },
    select: { domainKey: true, side: true },
  });
  return new Set(rows.map((row) => slotKey(row.domainKey, row.side)));
}

export function slotKey(domainKey: string, side: DutySide): string {
  return JSON.stringify([domainKey, side]);
}

type LinkRecord = { id: string; evidenceId: string; createdById: string | null; createdAt: string };

/**
 * Creates parts for new slots, bringing back an archived part where one exists: its id, owner,
 * status, justification, dates, approver and the evidence links whose evidence still exists in
 * this workspace (with their original link ids). The archive row is then removed. Returns the
 * slots that came back and how many links were restored.
 */
export async function createDutiesRestoring(
  tx: Prisma.TransactionClient,
  args: {
    workspaceId: string;
    systemId: string;
    parts: { responsibilityId: string; domainKey: string; side: DutySide }[];
  },
): Promise<{ restored: { id: string; domainKey: string; side: DutySide; links: number }[] }> {
  const { workspaceId, systemId } = args;
  if (args.parts.length === 0) return { restored: [] };
  const archived = await tx.archivedDuty.findMany({
    where: {
      workspaceId,
      systemId,
      OR: args.parts.map((part) => ({ domainKey: part.domainKey, side: part.side })),
    },
  });
  const bySlot = new Map(archived.map((row) => [slotKey(row.domainKey, row.side), row]));
  const fresh: typeof args.parts = [];
  const restored: { id: string; domainKey: string; side: DutySide; links: number }[] = [];
  for (const part of args.parts) {
    const row = bySlot.get(slotKey(part.domainKey, part.side));
    if (!row) {
      fresh.push(part);
      continue;
    }
    await tx.duty.create({
      data: {
        id: row.id,
        workspaceId,
        systemId,
        responsibilityId: part.responsibilityId,
        domainKey: part.domainKey,
        side: part.side,
        ownerId: row.ownerId,
        status: row.status,
        justification: row.justification,
        dueDate: row.dueDate,
        riskAcceptanceExpiresAt: row.riskAcceptanceExpiresAt,
        riskApproverId: row.riskApproverId,
        version: row.version + 1,
        createdAt: row.createdAt,
      },
    });
    const links = (row.evidenceLinks as LinkRecord[]) ?? [];
    const existing = new Set(
      (
        await tx.evidence.findMany({
          where: { workspaceId, id: { in: links.map((link) => link.evidenceId) } },
          select: { id: true },
        })
      ).map((evidence) => evidence.id),
    );
    const kept = links.filter((link) => existing.has(link.evidenceId));
    if (kept.length > 0) {
      await tx.evidenceLink.createMany({
        data: kept.map((link) => ({
          id: link.id,
          workspaceId,
          evidenceId: link.evidenceId,
          dutyId: row.id,
          createdById: link.createdById,
          createdAt: new Date(link.createdAt),
        })),
        skipDuplicates: true,
      });
    }
    await tx.archivedDuty.deleteMany({ where: { id: row.id, workspaceId } });
    restored.push({ id: row.id, domainKey: part.domainKey, side: part.side, links: kept.length });
  }
  if (fresh.length > 0) {
    await tx.duty.createMany({
      data: fresh.map((part) => ({ workspaceId, systemId, ...part })),
    });
  }
  return { restored };
}

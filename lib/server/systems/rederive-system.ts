import "server-only";

import type { db } from "@/lib/db/client";
import {
  deriveResponsibilities,
  planRederivation,
  type RederivationPlan,
} from "@/lib/domain/derivation";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  type ArchivedOverride,
  archivedOverrides,
  createDutiesRestoring,
  slotKey,
} from "@/lib/server/responsibilities/archive-duties";
import type { FrameworkMatrix } from "@/lib/server/systems/framework-matrix";

type Client = Prisma.TransactionClient | typeof db;

/**
 * Compares a system's stored responsibilities with a fresh derivation (reads only). A domain that
 * comes back after being removed gets back the override archived with it.
 */
export async function planSystemRederivation(
  client: Client,
  {
    workspaceId,
    systemId,
    matrix,
    columnKeys,
  }: { workspaceId: string; systemId: string; matrix: FrameworkMatrix; columnKeys: string[] },
): Promise<RederivationPlan & { archivedOverrides: Map<string, ArchivedOverride> }> {
  const current = await client.responsibility.findMany({
    where: { workspaceId, systemId },
    select: {
      id: true,
      domainKey: true,
      derivedValue: true,
      overrideValue: true,
      critical: true,
      duties: {
        where: { workspaceId },
        select: {
          id: true,
          side: true,
          ownerId: true,
          status: true,
          _count: { select: { evidenceLinks: true } },
        },
      },
    },
  });
  const overrides = await archivedOverrides(client as Prisma.TransactionClient, {
    workspaceId,
    systemId,
  });
  const next = deriveResponsibilities({
    rows: matrix.rows,
    cells: matrix.cells,
    columnKeys,
    overrides: Object.fromEntries([...overrides].map(([key, value]) => [key, value.value])),
  });
  const plan = planRederivation({
    current: current.map((r) => ({
      ...r,
      parts: r.duties.map((p) => ({
        id: p.id,
        side: p.side,
        ownerId: p.ownerId,
        status: p.status,
        evidenceLinkCount: p._count.evidenceLinks,
      })),
    })),
    next,
  });
  return { ...plan, archivedOverrides: overrides };
}

/**
 * Applies a plan computed in the same transaction. Kept parts are not touched at all, so their
 * owner, status, due date and evidence links stay. Removed parts must have been archived by the
 * caller first (archive-duties.ts; the evidence itself always stays in the library); added parts
 * whose slot has an archived part come back from the archive with their work.
 */
export async function applyRederivationPlan(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    systemId,
    plan,
  }: {
    workspaceId: string;
    systemId: string;
    plan: RederivationPlan & { archivedOverrides?: Map<string, ArchivedOverride> };
  },
) {
  const removedDutyIds = plan.removedDuties.map((ref) => ref.part.id);
  if (removedDutyIds.length > 0) {
    await tx.duty.deleteMany({
      where: { workspaceId, systemId, id: { in: removedDutyIds } },
    });
  }
  if (plan.removedResponsibilityIds.length > 0) {
    await tx.responsibility.deleteMany({
      where: { workspaceId, systemId, id: { in: plan.removedResponsibilityIds } },
    });
  }
  for (const change of plan.valueChanges) {
    if (!change.responsibilityId || !change.after) continue;
    await tx.responsibility.updateMany({
      where: { id: change.responsibilityId, workspaceId, systemId },
      data: {
        derivedValue: change.after.derivedValue,
        value: change.after.value,
        critical: change.after.critical,
      },
    });
  }
  const added = plan.domains.filter((domain) => domain.kind === "added" && domain.after);
  const createdIds = new Map<string, string>();
  if (added.length > 0) {
    const created = await tx.responsibility.createManyAndReturn({
      data: added.map((domain) => {
        const restored = domain.after!.overrideValue
          ? plan.archivedOverrides?.get(domain.domainKey)
          : undefined;
        return {
          workspaceId,
          systemId,
          domainKey: domain.domainKey,
          derivedValue: domain.after!.derivedValue,
          overrideValue: domain.after!.overrideValue,
          overrideJustification: restored?.justification ?? null,
          overriddenById: restored?.overriddenById ?? null,
          overriddenAt: restored?.overriddenAt ?? null,
          value: domain.after!.value,
          critical: domain.after!.critical,
        };
      }),
      select: { id: true, domainKey: true },
    });
    for (const row of created) createdIds.set(row.domainKey, row.id);
  }
  const parts = plan.addedDuties.map((part) => {
    const responsibilityId = part.responsibilityId ?? createdIds.get(part.domainKey);
    if (!responsibilityId)
      throw new Error(`applyRederivationPlan: no responsibility for ${part.domainKey}`);
    return { responsibilityId, domainKey: part.domainKey, side: part.side };
  });
  return createDutiesRestoring(tx, { workspaceId, systemId, parts });
}

/**
 * The plan in a few numbers, for audit diffs and API answers. `archived`: the system's archived
 * slots (archivedSlots), to count the new duties that come back with their work.
 */
export function summarisePlan(plan: RederivationPlan, archived: Set<string> = new Set()) {
  return {
    addedDomains: plan.domains.filter((d) => d.kind === "added").map((d) => d.domainKey),
    removedDomains: plan.domains.filter((d) => d.kind === "removed").map((d) => d.domainKey),
    valueChanges: plan.valueChanges.map((d) => ({
      domainKey: d.domainKey,
      from: d.before?.value ?? null,
      to: d.after?.value ?? null,
      criticalFrom: d.before?.critical ?? null,
      criticalTo: d.after?.critical ?? null,
    })),
    addedDuties: plan.addedDuties.length,
    restoredDuties: plan.addedDuties.filter((part) =>
      archived.has(slotKey(part.domainKey, part.side)),
    ).length,
    removedDuties: plan.removedDuties.length,
    keptDuties: plan.keptDuties.length,
    keptOwners: plan.keptDuties.filter((ref) => ref.part.ownerId !== null).length,
    keptEvidenceLinks: plan.keptDuties.reduce((sum, ref) => sum + ref.part.evidenceLinkCount, 0),
    lostWork: plan.lostWork,
    isNoop: plan.isNoop,
  };
}
export type RederivationSummary = ReturnType<typeof summarisePlan>;

import "server-only";

import type { db } from "@/lib/db/client";
import {
  deriveResponsibilities,
  planRederivation,
  type RederivationPlan,
} from "@/lib/domain/derivation";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FrameworkMatrix } from "@/lib/server/systems/framework-matrix";

type Client = Prisma.TransactionClient | typeof db;

/** Compares a system's stored responsibilities with a fresh derivation (reads only). */
export async function planSystemRederivation(
  client: Client,
  {
    workspaceId,
    systemId,
    matrix,
    columnKeys,
  }: { workspaceId: string; systemId: string; matrix: FrameworkMatrix; columnKeys: string[] },
): Promise<RederivationPlan> {
  const current = await client.responsibility.findMany({
    where: { workspaceId, systemId },
    select: {
      id: true,
      domainKey: true,
      derivedValue: true,
      overrideValue: true,
      critical: true,
      parts: {
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
  const next = deriveResponsibilities({ rows: matrix.rows, cells: matrix.cells, columnKeys });
  return planRederivation({
    current: current.map((r) => ({
      ...r,
      parts: r.parts.map((p) => ({
        id: p.id,
        side: p.side,
        ownerId: p.ownerId,
        status: p.status,
        evidenceLinkCount: p._count.evidenceLinks,
      })),
    })),
    next,
  });
}

/**
 * Applies a plan computed in the same transaction. Kept parts are not touched at all, so their
 * owner, status, due date and evidence links stay; removed parts take their links with them
 * (the evidence itself stays in the library).
 */
export async function applyRederivationPlan(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    systemId,
    plan,
  }: { workspaceId: string; systemId: string; plan: RederivationPlan },
) {
  const removedPartIds = plan.removedParts.map((ref) => ref.part.id);
  if (removedPartIds.length > 0) {
    await tx.responsibilityPart.deleteMany({
      where: { workspaceId, systemId, id: { in: removedPartIds } },
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
      data: added.map((domain) => ({
        workspaceId,
        systemId,
        domainKey: domain.domainKey,
        derivedValue: domain.after!.derivedValue,
        overrideValue: domain.after!.overrideValue,
        value: domain.after!.value,
        critical: domain.after!.critical,
      })),
      select: { id: true, domainKey: true },
    });
    for (const row of created) createdIds.set(row.domainKey, row.id);
  }
  const parts = plan.addedParts.map((part) => {
    const responsibilityId = part.responsibilityId ?? createdIds.get(part.domainKey);
    if (!responsibilityId)
      throw new Error(`applyRederivationPlan: no responsibility for ${part.domainKey}`);
    return { workspaceId, systemId, responsibilityId, domainKey: part.domainKey, side: part.side };
  });
  if (parts.length > 0) await tx.responsibilityPart.createMany({ data: parts });
}

/** The plan in a few numbers, for audit diffs and API answers. */
export function summarisePlan(plan: RederivationPlan) {
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
    addedParts: plan.addedParts.length,
    removedParts: plan.removedParts.length,
    keptParts: plan.keptParts.length,
    keptOwners: plan.keptParts.filter((ref) => ref.part.ownerId !== null).length,
    keptEvidenceLinks: plan.keptParts.reduce((sum, ref) => sum + ref.part.evidenceLinkCount, 0),
    lostWork: plan.lostWork,
    isNoop: plan.isNoop,
  };
}
export type RederivationSummary = ReturnType<typeof summarisePlan>;

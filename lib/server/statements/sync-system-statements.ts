import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findStatementSystems, mapStatement } from "@/lib/server/statements/map-statement";
import { providerStatementSchema } from "@/lib/statements/format";

type SystemEffect = {
  vendorId: string | null;
  versionIds: Set<string>;
  addedLinks: number;
  linkedDuties: Set<string>;
  removedLinks: number;
  addedReviewItems: number;
  removedReviewItems: {
    versionId: string;
    domainKey: string;
    systemValue: string;
    statementValue: string;
  }[];
};

/**
 * Makes the vendor's current imported statements apply to systems whose vendor or duties just
 * changed, inside the caller's transaction (docs/provider-statements.md, "When systems change").
 * Call it after the change is written: registration, CSV import, an edit (vendor, deployment
 * models, framework version), linking or unlinking a vendor, an override, a restore.
 *
 * - Each current (not superseded) version of the system's vendor that applies to the system
 *   (findStatementSystems) gets the links and review items the import would have written
 *   (mapStatement, the same rule): missing links are added, missing review items are opened;
 *   existing ones are kept as they are (a decided item keeps its decision).
 * - Links from the statement evidence of any other vendor (the system left that vendor) are
 *   removed from all of the system's duties, with the OPEN review items of those statements.
 *   Links of the vendor's current versions on provider duties the rule no longer gives (the
 *   system left the statement's deployment models or framework version) are removed likewise,
 *   with the OPEN items of versions that no longer apply. Acknowledged and resolved items stay:
 *   they record a person's decision, and the audit event names every removed one.
 * - Archived systems only lose what belongs to another vendor; restoring one applies the rest.
 *
 * Idempotent: a second call finds nothing to do and records nothing. One audit event
 * (`statement.applyToSystems`) per call that changed something, listing per system what was
 * added and removed (a CSV import of many systems stays one readable event).
 */
export async function syncSystemStatements(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    actor,
    systemIds,
  }: { workspaceId: string; actor: AuditActor; systemIds: string[] },
) {
  const ids = [...new Set(systemIds)];
  if (ids.length === 0)
    return { addedLinks: 0, removedLinks: 0, addedReviewItems: 0, removedReviewItems: 0 };
  const systems = await tx.aiSystem.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, vendorId: true, archivedAt: true },
  });
  const systemById = new Map(systems.map((s) => [s.id, s]));
  const effects = new Map<string, SystemEffect>(
    systems.map((s) => [
      s.id,
      {
        vendorId: s.vendorId,
        versionIds: new Set(),
        addedLinks: 0,
        linkedDuties: new Set(),
        removedLinks: 0,
        addedReviewItems: 0,
        removedReviewItems: [],
      },
    ]),
  );
  const activeIds = systems.filter((s) => s.vendorId && !s.archivedAt).map((s) => s.id);
  const vendorIds = [
    ...new Set(systems.filter((s) => s.vendorId && !s.archivedAt).map((s) => s.vendorId!)),
  ];
  const actorId = actor.type === "USER" ? (actor.id ?? null) : null;

  // What the rule gives: per current version, the systems it applies to, their links and items.
  const versions =
    vendorIds.length === 0
      ? []
      : await tx.importedStatementVersion.findMany({
          where: {
            workspaceId,
            supersededAt: null,
            importedStatement: { workspaceId, vendorId: { in: vendorIds } },
          },
          orderBy: { importedAt: "asc" },
          select: {
            id: true,
            document: true,
            importedStatement: { select: { vendorId: true } },
            evidence: { where: { workspaceId }, select: { id: true, sha256: true } },
          },
        });
  const wantedLinks = new Map<string, ReturnType<typeof mapStatement>["links"][number]>();
  const wantedItems: ReturnType<typeof mapStatement>["items"] = [];
  const applies = new Set<string>(); // versionId + systemId
  const dutySystem = new Map<string, string>();
  for (const version of versions) {
    const vendorId = version.importedStatement.vendorId;
    const document = providerStatementSchema.parse(version.document);
    const evidenceIds = new Map(
      version.evidence.flatMap((e) => (e.sha256 ? [[e.sha256, e.id] as const] : [])),
    );
    const matching = await findStatementSystems(tx, {
      workspaceId,
      vendorId,
      document,
      systemIds: activeIds,
    });
    for (const system of matching) {
      applies.add(pairKey(version.id, system.id));
      for (const r of system.responsibilities)
        for (const duty of r.duties) dutySystem.set(duty.id, system.id);
    }
    const mapped = mapStatement({
      workspaceId,
      versionId: version.id,
      document,
      evidenceIds,
      systems: matching,
      createdById: actorId,
    });
    for (const link of mapped.links) wantedLinks.set(pairKey(link.evidenceId, link.dutyId), link);
    wantedItems.push(...mapped.items);
  }

  // What is there: every link of statement evidence on these systems' duties, every item.
  const existingLinks = await tx.evidenceLink.findMany({
    where: {
      workspaceId,
      duty: { workspaceId, systemId: { in: ids } },
      evidence: { workspaceId, importedStatementVersionId: { not: null } },
    },
    select: {
      id: true,
      evidenceId: true,
      dutyId: true,
      duty: { select: { systemId: true, side: true } },
      evidence: {
        select: {
          importedStatementVersion: {
            select: {
              id: true,
              supersededAt: true,
              importedStatement: { select: { vendorId: true } },
            },
          },
        },
      },
    },
  });
  const existingItems = await tx.statementReviewItem.findMany({
    where: { workspaceId, systemId: { in: ids } },
    select: {
      id: true,
      versionId: true,
      systemId: true,
      domainKey: true,
      systemValue: true,
      statementValue: true,
      state: true,
      version: {
        select: { supersededAt: true, importedStatement: { select: { vendorId: true } } },
      },
    },
  });

  const staleLinkIds: string[] = [];
  const presentLinks = new Set<string>();
  for (const link of existingLinks) {
    const key = pairKey(link.evidenceId, link.dutyId);
    presentLinks.add(key);
    const system = systemById.get(link.duty.systemId)!;
    const version = link.evidence.importedStatementVersion!;
    const otherVendor = version.importedStatement.vendorId !== system.vendorId;
    const noLongerGiven =
      !otherVendor &&
      !system.archivedAt &&
      version.supersededAt === null &&
      link.duty.side === "PROVIDER" &&
      !wantedLinks.has(key);
    if (otherVendor || noLongerGiven) {
      staleLinkIds.push(link.id);
      const effect = effects.get(system.id)!;
      effect.removedLinks += 1;
      effect.versionIds.add(version.id);
    }
  }
  const staleItemIds: string[] = [];
  const presentItems = new Set<string>();
  for (const item of existingItems) {
    presentItems.add(itemKey(item.versionId, item.systemId, item.domainKey));
    if (item.state !== "OPEN") continue;
    const system = systemById.get(item.systemId)!;
    const otherVendor = item.version.importedStatement.vendorId !== system.vendorId;
    const noLongerApplies =
      !otherVendor &&
      !system.archivedAt &&
      item.version.supersededAt === null &&
      !applies.has(pairKey(item.versionId, item.systemId));
    if (otherVendor || noLongerApplies) {
      staleItemIds.push(item.id);
      const effect = effects.get(system.id)!;
      effect.versionIds.add(item.versionId);
      effect.removedReviewItems.push({
        versionId: item.versionId,
        domainKey: item.domainKey,
        systemValue: item.systemValue,
        statementValue: item.statementValue,
      });
    }
  }

  const newLinks = [...wantedLinks.entries()]
    .filter(([key]) => !presentLinks.has(key))
    .map(([, link]) => link);
  for (const link of newLinks) {
    const effect = effects.get(dutySystem.get(link.dutyId)!)!;
    effect.addedLinks += 1;
    effect.linkedDuties.add(link.dutyId);
  }
  const linkVersion = new Map(
    versions.flatMap((v) => v.evidence.map((e) => [e.id, v.id] as const)),
  );
  for (const link of newLinks)
    effects.get(dutySystem.get(link.dutyId)!)!.versionIds.add(linkVersion.get(link.evidenceId)!);
  const newItems = wantedItems.filter(
    (item) => !presentItems.has(itemKey(item.versionId, item.systemId, item.domainKey)),
  );
  for (const item of newItems) {
    const effect = effects.get(item.systemId)!;
    effect.addedReviewItems += 1;
    effect.versionIds.add(item.versionId);
  }

  if (staleLinkIds.length > 0)
    await tx.evidenceLink.deleteMany({ where: { workspaceId, id: { in: staleLinkIds } } });
  if (staleItemIds.length > 0)
    await tx.statementReviewItem.deleteMany({ where: { workspaceId, id: { in: staleItemIds } } });
  if (newLinks.length > 0)
    await tx.evidenceLink.createMany({ data: newLinks, skipDuplicates: true });
  if (newItems.length > 0)
    await tx.statementReviewItem.createMany({ data: newItems, skipDuplicates: true });

  const changed = [...effects]
    .filter(
      ([, e]) =>
        e.addedLinks + e.removedLinks + e.addedReviewItems + e.removedReviewItems.length > 0,
    )
    .map(([systemId, e]) => ({
      systemId,
      vendorId: e.vendorId,
      statementVersionIds: [...e.versionIds].sort(),
      addedLinks: e.addedLinks,
      linkedDuties: e.linkedDuties.size,
      removedLinks: e.removedLinks,
      addedReviewItems: e.addedReviewItems,
      removedReviewItems: e.removedReviewItems,
    }));
  if (changed.length > 0)
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.applyToSystems",
      entityType: "AiSystem",
      ...(changed.length === 1 ? { entityId: changed[0]!.systemId } : {}),
      diff: { systems: changed },
    });
  return {
    addedLinks: newLinks.length,
    removedLinks: staleLinkIds.length,
    addedReviewItems: newItems.length,
    removedReviewItems: staleItemIds.length,
  };
}

function pairKey(a: string, b: string) {
  return `${a} ${b}`;
}

function itemKey(versionId: string, systemId: string, domainKey: string) {
  return `${versionId} ${systemId} ${domainKey}`;
}

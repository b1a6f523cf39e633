import "server-only";

import { db } from "@/lib/db/client";
import type { DutySide } from "@/lib/domain/responsibility";
import { domainNames, loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";

export type DutyOptionSystem = { id: string; name: string };
export type DutyOptionDomain = {
  key: string;
  name: string;
  parts: { id: string; side: DutySide }[];
};

/**
 * Systems a piece of evidence can be linked to (the first step of the "reuse" and "attach"
 * pickers): not archived, by name. Scoped by workspace like every read.
 */
export async function listDutyOptionSystems(workspaceId: string): Promise<DutyOptionSystem[]> {
  return db.aiSystem.findMany({
    where: { workspaceId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * The domains of one system that have parts, with the parts' sides, in the framework's order
 * (the picker's second and third steps). A system of another workspace yields an empty list, the
 * same as an unknown id, so the route answers without revealing anything.
 */
export async function listDutyOptionDomains({
  workspaceId,
  systemId,
}: {
  workspaceId: string;
  systemId: string;
}): Promise<DutyOptionDomain[]> {
  const system = await db.aiSystem.findFirst({
    where: { id: systemId, workspaceId },
    select: { frameworkVersionId: true },
  });
  if (!system) return [];
  const parts = await db.duty.findMany({
    where: { workspaceId, systemId },
    orderBy: [{ domainKey: "asc" }, { side: "asc" }],
    select: { id: true, side: true, domainKey: true },
  });
  const { names, order } = await domainLabels(workspaceId, system.frameworkVersionId);
  const domains = new Map<string, DutyOptionDomain>();
  for (const part of parts) {
    const domain = domains.get(part.domainKey) ?? {
      key: part.domainKey,
      name: names.get(part.domainKey) ?? part.domainKey,
      parts: [],
    };
    domain.parts.push({ id: part.id, side: part.side });
    domains.set(part.domainKey, domain);
  }
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...domains.values()].sort((a, b) => rank(a.key) - rank(b.key));
}

/**
 * Domain names and order of a framework version. A version whose definition cannot be read still
 * lets evidence be linked: the keys then stand in for the names.
 */
export async function domainLabels(workspaceId: string, frameworkVersionId: string) {
  try {
    const matrix = await loadFrameworkMatrix(db, { workspaceId, frameworkVersionId });
    return {
      names: domainNames(matrix),
      order: new Map(matrix.definition.rows.map((row, index) => [row.key, index])),
    };
  } catch {
    return { names: new Map<string, string>(), order: new Map<string, number>() };
  }
}

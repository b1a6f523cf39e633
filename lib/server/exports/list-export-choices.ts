import "server-only";

import { db } from "@/lib/db/client";
import { domainRows } from "@/lib/server/exports/collect-scope";
import type { ExportChoices } from "@/lib/view/exports/export-job";

/** What the scope pickers offer: the workspace's systems, and the domains of their frameworks. */
export async function listExportChoices({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<ExportChoices> {
  const systems = await db.aiSystem.findMany({
    where: { workspaceId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, archivedAt: true, frameworkVersionId: true },
  });
  const versionIds = [...new Set(systems.map((s) => s.frameworkVersionId))];
  const versions = await db.frameworkVersion.findMany({
    where: { id: { in: versionIds }, framework: { OR: [{ workspaceId: null }, { workspaceId }] } },
    select: { version: true, definition: true, framework: { select: { key: true } } },
  });
  const domains = new Map<string, string>();
  // Domains that responsibilities use but no definition names (e.g. an unreadable version).
  const used = await db.responsibility.findMany({
    where: { workspaceId },
    distinct: ["domainKey"],
    select: { domainKey: true },
  });
  for (const version of versions) {
    for (const [key, name] of domainRows(version)) if (!domains.has(key)) domains.set(key, name);
  }
  for (const { domainKey } of used) if (!domains.has(domainKey)) domains.set(domainKey, domainKey);
  return {
    systems: systems.map((s) => ({ id: s.id, name: s.name, archived: s.archivedAt !== null })),
    domains: [...domains].map(([key, name]) => ({ key, name })),
  };
}

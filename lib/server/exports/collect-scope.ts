import "server-only";

import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { BundleScope } from "@/lib/export-bundle/manifest";
import { readStoredDefinition } from "@/lib/server/frameworks/framework-scope";

// Resolves an export scope to the rows it covers: the systems, the domain filter, the framework
// versions those systems are assessed against (with domain names), and the names of the
// workspace's members (owners are shown by name; only members of THIS workspace are looked up).

export type ScopeSystem = Awaited<ReturnType<typeof loadSystems>>[number];

export type ResolvedScope = {
  workspace: {
    id: string;
    slug: string;
    name: string;
    auditHeadSeq: number;
    auditHeadHash: string | null;
  };
  scope: BundleScope;
  systems: ScopeSystem[];
  frameworkVersions: {
    id: string;
    key: string;
    name: string;
    version: string;
    definitionHash: string;
  }[];
  domainName: (frameworkVersionId: string | null, domainKey: string) => string;
  memberName: (userId: string | null) => string | null;
  /** Evidence and audit events between these instants (inclusive); undefined is open-ended. */
  from?: Date;
  to?: Date;
};

function loadSystems(workspaceId: string, systemIds: string[] | undefined) {
  return db.aiSystem.findMany({
    where: { workspaceId, ...(systemIds ? { id: { in: systemIds } } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      frameworkVersionId: true,
      primaryModel: true,
      deploymentModels: true,
      variant: true,
      vendorId: true,
      vendor: { select: { name: true } },
      businessOwnerId: true,
      riskTier: true,
      euAiActCategory: true,
      dataClassification: true,
      lifecycle: true,
      archivedAt: true,
    },
  });
}

/**
 * A version's domains as [key, name]. A definition that no longer parses must not block an audit
 * export: its domains are then shown by key.
 */
export function domainRows(version: {
  definition: unknown;
  version: string;
  framework: { key: string };
}): [string, string][] {
  try {
    const definition = readStoredDefinition(
      version.definition as Parameters<typeof readStoredDefinition>[0],
      `${version.framework.key}@${version.version}`,
    );
    return definition.rows.map((row) => [row.key, row.name]);
  } catch {
    return [];
  }
}

export async function resolveScope({
  workspaceId,
  scope,
}: {
  workspaceId: string;
  scope: BundleScope;
}): Promise<ResolvedScope> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, slug: true, name: true, auditHeadSeq: true, auditHeadHash: true },
  });
  if (!workspace) throw new ValidationError("The workspace no longer exists.");
  const systems = await loadSystems(workspaceId, scope.systemIds);
  if (scope.systemIds && systems.length !== scope.systemIds.length) {
    // Another workspace's ids look exactly like unknown ones.
    throw ValidationError.forField(
      "systemIds",
      "One of the chosen AI systems does not exist in this workspace.",
    );
  }

  const versionIds = [...new Set(systems.map((s) => s.frameworkVersionId))];
  const versions = await db.frameworkVersion.findMany({
    // Only versions this workspace's systems reference; built-ins are global by design.
    where: { id: { in: versionIds }, framework: { OR: [{ workspaceId: null }, { workspaceId }] } },
    select: {
      id: true,
      version: true,
      definition: true,
      definitionHash: true,
      framework: { select: { key: true, name: true } },
    },
  });
  const domainNames = new Map<string, Map<string, string>>();
  for (const version of versions) domainNames.set(version.id, new Map(domainRows(version)));

  const members = await db.membership.findMany({
    where: { workspaceId },
    select: { userId: true, user: { select: { name: true } } },
  });
  const names = new Map(members.map((m) => [m.userId, m.user.name]));

  return {
    workspace,
    scope,
    systems,
    frameworkVersions: versions
      .map((v) => ({
        id: v.id,
        key: v.framework.key,
        name: v.framework.name,
        version: v.version,
        definitionHash: v.definitionHash,
      }))
      .sort((a, b) => a.key.localeCompare(b.key) || a.version.localeCompare(b.version)),
    domainName: (versionId, key) =>
      (versionId ? domainNames.get(versionId)?.get(key) : undefined) ?? key,
    memberName: (userId) => (userId ? (names.get(userId) ?? null) : null),
    from: scope.from ? new Date(`${scope.from}T00:00:00.000Z`) : undefined,
    to: scope.to ? new Date(`${scope.to}T23:59:59.999Z`) : undefined,
  };
}

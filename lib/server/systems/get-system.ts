import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { compareVersionsNewestFirst } from "@/lib/server/frameworks/framework-scope";
import { loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import { memberDirectory } from "@/lib/server/systems/member-directory";

/**
 * A system with its responsibility view: every domain of its framework version with value,
 * derived value, override, critical flag and parts (owner, status, dates, justification, evidence
 * link count). Critical domains first, then the framework's own order. Scoped by workspace: a
 * foreign id is a 404.
 */
export async function getSystem({
  workspaceId,
  systemId,
}: {
  workspaceId: string;
  systemId: string;
}) {
  const system = await db.aiSystem.findFirst({
    where: { id: systemId, workspaceId },
    include: {
      vendor: { select: { id: true, name: true } },
      responsibilities: {
        where: { workspaceId },
        include: {
          duties: {
            where: { workspaceId },
            orderBy: { side: "asc" },
            include: { _count: { select: { evidenceLinks: true } } },
          },
        },
      },
    },
  });
  if (!system) throw new NotFoundError("AI system not found.");
  const [matrix, members, siblings] = await Promise.all([
    loadFrameworkMatrix(db, { workspaceId, frameworkVersionId: system.frameworkVersionId }),
    memberDirectory(workspaceId),
    db.frameworkVersion.findMany({
      where: { framework: { versions: { some: { id: system.frameworkVersionId } } } },
      select: { id: true, version: true },
    }),
  ]);
  const rowOrder = new Map(matrix.definition.rows.map((row, index) => [row.key, { index, row }]));
  const columns = new Map(matrix.definition.columns.map((column) => [column.key, column]));
  const current = matrix.version;
  const newerVersions = siblings
    .filter((v) => compareVersionsNewestFirst(v.version, current) < 0)
    .sort((a, b) => compareVersionsNewestFirst(a.version, b.version));

  const domains = system.responsibilities
    .map((r) => {
      const meta = rowOrder.get(r.domainKey);
      return {
        responsibilityId: r.id,
        domainKey: r.domainKey,
        name: meta?.row.name ?? r.domainKey,
        category: meta?.row.category ?? null,
        focus: meta?.row.focus ?? null,
        order: meta?.index ?? Number.MAX_SAFE_INTEGER,
        derivedValue: r.derivedValue,
        overrideValue: r.overrideValue,
        overrideJustification: r.overrideJustification,
        overriddenBy: r.overriddenById
          ? (members.get(r.overriddenById)?.name ?? "API token or former member")
          : null,
        overriddenAt: r.overriddenAt,
        value: r.value,
        critical: r.critical,
        parts: r.duties.map((p) => ({
          id: p.id,
          side: p.side,
          ownerId: p.ownerId,
          ownerName: p.ownerId ? (members.get(p.ownerId)?.name ?? "Former member") : null,
          status: p.status,
          justification: p.justification,
          dueDate: p.dueDate,
          riskAcceptanceExpiresAt: p.riskAcceptanceExpiresAt,
          riskApproverId: p.riskApproverId,
          riskApproverName: p.riskApproverId
            ? (members.get(p.riskApproverId)?.name ?? "Former member")
            : null,
          version: p.version,
          evidenceLinks: p._count.evidenceLinks,
        })),
      };
    })
    .sort((a, b) => Number(b.critical) - Number(a.critical) || a.order - b.order);

  const { responsibilities: _responsibilities, ...fields } = system;
  void _responsibilities;
  return {
    system: {
      ...fields,
      businessOwnerName: system.businessOwnerId
        ? (members.get(system.businessOwnerId)?.name ?? "Former member")
        : null,
      modelNames: system.deploymentModels.map((key) => columns.get(key)?.name ?? key),
      variantName: system.variant
        ? (columns.get(system.primaryModel)?.variants?.find((v) => v.key === system.variant)
            ?.name ?? system.variant)
        : null,
    },
    framework: {
      id: matrix.frameworkId,
      key: matrix.frameworkKey,
      name: matrix.frameworkName,
      version: matrix.version,
      versionId: matrix.frameworkVersionId,
      newerVersions,
    },
    domains,
  };
}
export type SystemDetail = Awaited<ReturnType<typeof getSystem>>;

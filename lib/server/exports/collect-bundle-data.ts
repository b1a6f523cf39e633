import "server-only";

import { db } from "@/lib/db/client";
import { evidenceState } from "@/lib/domain/evidence-state";
import { env } from "@/lib/env";
import type {
  BundleApproval,
  BundleData,
  BundleEvidence,
  BundleResponsibility,
  BundleSystem,
} from "@/lib/export-bundle/bundle-data";
import type { ManifestCoverage } from "@/lib/export-bundle/manifest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getTrend } from "@/lib/server/coverage/get-trend";
import type { ResolvedScope } from "@/lib/server/exports/collect-scope";

/** Evidence rows with what the bundle needs to fetch the file (the storage key stays server-side). */
export type CollectedEvidence = BundleEvidence & { storageKey: string | null; group: string };

export type CollectedBundle = {
  data: Omit<BundleData, "evidence"> & { evidence: CollectedEvidence[] };
  coverage: ManifestCoverage;
  dutyCount: number;
};

const GAP_PAGE = 500;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

function coverageOf(summary: ManifestCoverage): ManifestCoverage {
  const {
    totalDuties,
    coveredDuties,
    coverage,
    ownedRate,
    implementedRate,
    evidencedRate,
    providerAssuredRate,
  } = summary;
  return {
    totalDuties,
    coveredDuties,
    coverage,
    ownedRate,
    implementedRate,
    evidencedRate,
    providerAssuredRate,
  };
}

export async function collectBundleData({
  resolved,
  now,
}: {
  resolved: ResolvedScope;
  now: Date;
}): Promise<CollectedBundle> {
  const workspaceId = resolved.workspace.id;
  const { scope } = resolved;
  const coverageScope = { systemIds: scope.systemIds, domainKeys: scope.domainKeys };
  const systemIds = resolved.systems.map((s) => s.id);

  const [summary, bySystem, gaps, trend] = await Promise.all([
    getCoverage({ workspaceId, scope: coverageScope, now }),
    getCoverageBy({ workspaceId, groupBy: "system", scope: coverageScope, now }),
    collectGaps({ workspaceId, scope: coverageScope, now }),
    getTrend({ workspaceId, days: 90, now }),
  ]);
  const systemCoverage = new Map(bySystem.map((row) => [row.key, coverageOf(row)]));
  const gapDuties = new Set(gaps.map((gap) => gap.dutyId));
  const systemById = new Map(resolved.systems.map((s) => [s.id, s]));
  const isActive = (systemId: string) => {
    const system = systemById.get(systemId);
    return Boolean(system && system.archivedAt === null && system.lifecycle !== "RETIRED");
  };

  const systems: BundleSystem[] = resolved.systems.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    primaryModel: s.primaryModel,
    deploymentModels: s.deploymentModels,
    variant: s.variant,
    vendorName: s.vendor?.name ?? null,
    riskTier: s.riskTier,
    euAiActCategory: s.euAiActCategory,
    dataClassification: s.dataClassification,
    lifecycle: s.lifecycle,
    archived: s.archivedAt !== null,
    framework: resolved.frameworkVersions.find((v) => v.id === s.frameworkVersionId)?.name ?? "",
    businessOwnerName: resolved.memberName(s.businessOwnerId),
    coverage: isActive(s.id) ? (systemCoverage.get(s.id) ?? coverageOf({ ...EMPTY })) : null,
  }));

  const responsibilityRows = await db.responsibility.findMany({
    where: {
      workspaceId,
      systemId: { in: systemIds },
      ...(scope.domainKeys ? { domainKey: { in: scope.domainKeys } } : {}),
    },
    orderBy: [{ systemId: "asc" }, { domainKey: "asc" }],
    include: {
      duties: {
        orderBy: { side: "asc" },
        include: { evidenceLinks: { where: { workspaceId }, select: { evidenceId: true } } },
      },
    },
  });
  const responsibilities: BundleResponsibility[] = responsibilityRows.map((r) => {
    const system = systemById.get(r.systemId);
    return {
      id: r.id,
      systemId: r.systemId,
      systemName: system?.name ?? "",
      domainKey: r.domainKey,
      domainName: resolved.domainName(system?.frameworkVersionId ?? null, r.domainKey),
      derivedValue: r.derivedValue,
      overrideValue: r.overrideValue,
      overrideJustification: r.overrideJustification,
      value: r.value,
      critical: r.critical,
      duties: r.duties.map((p) => ({
        id: p.id,
        side: p.side,
        ownerName: resolved.memberName(p.ownerId),
        status: p.status,
        justification: p.justification,
        dueDate: iso(p.dueDate),
        riskAcceptanceExpiresAt: iso(p.riskAcceptanceExpiresAt),
        evidenceIds: p.evidenceLinks.map((l) => l.evidenceId),
        covered: isActive(r.systemId) ? !gapDuties.has(p.id) : null,
      })),
    };
  });
  // Responsibilities sorted like the systems (by name), domains in key order within each.
  const order = new Map(resolved.systems.map((s, i) => [s.id, i]));
  responsibilities.sort(
    (a, b) =>
      (order.get(a.systemId) ?? 0) - (order.get(b.systemId) ?? 0) ||
      a.domainKey.localeCompare(b.domainKey),
  );

  const evidence = await collectEvidence({ resolved, now });
  const approvalRows = await db.approvalRequest.findMany({
    where: {
      workspaceId,
      systemId: { in: systemIds },
      ...(scope.domainKeys ? { domainKey: { in: scope.domainKeys } } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const approvals: BundleApproval[] = approvalRows.map((a) => {
    const system = systemById.get(a.systemId);
    return {
      id: a.id,
      kind: a.kind,
      status: a.status,
      systemName: system?.name ?? "",
      domainKey: a.domainKey,
      domainName: resolved.domainName(system?.frameworkVersionId ?? null, a.domainKey),
      side: a.side,
      proposedValue: a.proposedValue,
      justification: a.justification,
      requestedBy: resolved.memberName(a.requestedById) ?? "Former member",
      approver: resolved.memberName(a.approverId) ?? "Former member",
      requestedAt: a.createdAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      decidedBy: a.decidedById ? (resolved.memberName(a.decidedById) ?? "Former member") : null,
      decidedAt: iso(a.decidedAt),
      decisionComment: a.decisionComment,
      endedAt: iso(a.endedAt),
      endReason: a.endReason,
    };
  });
  return {
    data: {
      systems,
      responsibilities,
      evidence,
      approvals,
      gaps: gaps.map((gap) => {
        const system = systemById.get(gap.systemId);
        return {
          systemName: gap.systemName,
          domainKey: gap.domainKey,
          domainName: resolved.domainName(system?.frameworkVersionId ?? null, gap.domainKey),
          side: gap.side,
          critical: gap.critical,
          riskTier: gap.riskTier,
          dueDate: iso(gap.dueDate),
          ownerName: gap.ownerName,
          status: gap.status,
          reasons: gap.reasons,
        };
      }),
      trend: trend.map((t) => ({
        day: t.day,
        coverage: t.coverage,
        coveredDuties: t.coveredDuties,
        totalDuties: t.totalDuties,
      })),
    },
    coverage: coverageOf(summary),
    dutyCount: responsibilities.reduce((n, r) => n + r.duties.length, 0),
  };
}

const EMPTY: ManifestCoverage = {
  totalDuties: 0,
  coveredDuties: 0,
  coverage: null,
  ownedRate: null,
  implementedRate: null,
  evidencedRate: null,
  providerAssuredRate: null,
};

async function collectGaps(args: {
  workspaceId: string;
  scope: { systemIds?: string[]; domainKeys?: string[] };
  now: Date;
}) {
  const rows = [];
  for (let offset = 0; ; offset += GAP_PAGE) {
    const page = await getGapList({ ...args, limit: GAP_PAGE, offset });
    rows.push(...page.rows);
    if (page.rows.length < GAP_PAGE || rows.length >= page.total) break;
  }
  return rows;
}

async function collectEvidence({
  resolved,
  now,
}: {
  resolved: ResolvedScope;
  now: Date;
}): Promise<CollectedEvidence[]> {
  const workspaceId = resolved.workspace.id;
  const { scope } = resolved;
  const narrowed = Boolean(scope.systemIds || scope.domainKeys);
  const dutyInScope: Prisma.DutyWhereInput = {
    workspaceId,
    systemId: { in: resolved.systems.map((s) => s.id) },
    ...(scope.domainKeys ? { domainKey: { in: scope.domainKeys } } : {}),
  };
  const vendorIds = [
    ...new Set(resolved.systems.map((s) => s.vendorId).filter((id): id is string => id !== null)),
  ];
  const rows = await db.evidence.findMany({
    where: {
      workspaceId,
      deletedAt: null,
      ...(resolved.from || resolved.to
        ? { collectedAt: { gte: resolved.from, lte: resolved.to } }
        : {}),
      // Narrowed scopes keep what is linked to their parts, plus attestations held for the
      // vendors of their systems (those assure the provider parts).
      ...(narrowed
        ? { OR: [{ links: { some: { duty: dutyInScope } } }, { vendorId: { in: vendorIds } }] }
        : {}),
    },
    orderBy: [{ collectedAt: "asc" }, { id: "asc" }],
    include: {
      vendor: { select: { name: true } },
      supersededBy: { select: { id: true } },
      links: {
        where: { workspaceId, duty: dutyInScope },
        select: { duty: { select: { side: true, domainKey: true, systemId: true } } },
      },
    },
  });
  const systemById = new Map(resolved.systems.map((s) => [s.id, s]));
  const days = env().EXPIRING_SOON_DAYS;
  return rows.map((row) => {
    const links = row.links.map(({ duty: part }) => {
      const system = systemById.get(part.systemId);
      const domain = resolved.domainName(system?.frameworkVersionId ?? null, part.domainKey);
      return {
        systemName: system?.name ?? "",
        text: `${system?.name ?? ""} / ${domain} (${part.side.toLowerCase()})`,
      };
    });
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      description: row.description,
      url: row.url,
      attestationType: row.attestationType,
      fileName: row.fileName,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
      sha256: row.sha256,
      collectedAt: row.collectedAt.toISOString(),
      validUntil: iso(row.validUntil),
      reviewStatus: row.reviewStatus,
      state: evidenceState(
        { ...row, superseded: row.supersededAt !== null || row.supersededBy !== null },
        now,
        days,
      ),
      vendorName: row.vendor?.name ?? null,
      links: links.map((l) => l.text),
      bundlePath: null,
      storageKey: row.purgedAt ? null : row.storageKey,
      group: links[0]?.systemName ?? row.vendor?.name ?? "unlinked",
    };
  });
}

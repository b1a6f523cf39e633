import "server-only";

import { db } from "@/lib/db/client";
import type { GapReason } from "@/lib/domain/coverage-reference";
import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import { toSummary } from "@/lib/server/coverage/coverage-summary-sql";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getHeatmap, type HeatmapState } from "@/lib/server/coverage/get-heatmap";
import { loadCoverageLabels, nameOf } from "@/lib/server/dashboard/coverage-labels";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import type { NamedCoverage } from "@/lib/view/dashboard/types";

export const DOMAIN_PAGE_SYSTEMS = 50;

export type DomainSystemRow = {
  systemId: string;
  systemName: string;
  value: "P" | "C" | "S" | "NA";
  critical: boolean;
  state: HeatmapState;
  parts: {
    id: string;
    side: "CUSTOMER" | "PROVIDER";
    status: string;
    ownerName: string | null;
    covered: boolean;
    reasons: GapReason[];
  }[];
};

export type DomainCoverageData = {
  domain: { key: string; name: string };
  summary: CoverageSummary;
  byModel: NamedCoverage[];
  systems: DomainSystemRow[];
  totalSystems: number;
  page: number;
  pageCount: number;
};

/**
 * One security domain across every active system: its coverage, by deployment model, and each
 * system's parts (state, owner, reasons), a page of systems at a time (gaps first). Null when the
 * workspace has no such domain (the page answers 404), so a key never reveals another tenant.
 */
export async function loadDomainCoverage(input: {
  workspaceId: string;
  domainKey: string;
  page: number;
  now?: Date;
}): Promise<DomainCoverageData | null> {
  const { workspaceId, domainKey } = input;
  const now = input.now ?? new Date();
  const scope = { domainKeys: [domainKey] };
  const [labels, cells] = await Promise.all([
    loadCoverageLabels(workspaceId),
    getHeatmap({ workspaceId, scope, now }),
  ]);
  const known = labels.domains.some((d) => d.key === domainKey);
  if (!known && cells.length === 0) return null;

  // Gaps first (then partly, covered, NA), critical first, then by name (already the order).
  const rank: Record<HeatmapState, number> = { gap: 0, partly: 1, covered: 2, not_applicable: 3 };
  const sorted = [...cells].sort(
    (a, b) => rank[a.state] - rank[b.state] || Number(b.critical) - Number(a.critical),
  );
  const pageCount = Math.max(1, Math.ceil(sorted.length / DOMAIN_PAGE_SYSTEMS));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const shown = sorted.slice((page - 1) * DOMAIN_PAGE_SYSTEMS, page * DOMAIN_PAGE_SYSTEMS);
  const systemIds = shown.map((c) => c.systemId);

  const [summary, byModel, parts, gaps, members] = await Promise.all([
    getCoverage({ workspaceId, scope, now }),
    getCoverageBy({ workspaceId, scope, now, groupBy: "deploymentModel" }),
    db.duty.findMany({
      where: { workspaceId, domainKey, systemId: { in: systemIds } },
      select: { id: true, systemId: true, side: true, status: true, ownerId: true },
      orderBy: { side: "asc" },
    }),
    getGapList({
      workspaceId,
      now,
      scope: { ...scope, systemIds },
      limit: systemIds.length * 2 + 1,
    }),
    memberDirectory(workspaceId),
  ]);
  const reasonsByDuty = new Map(gaps.rows.map((g) => [g.dutyId, g.reasons as GapReason[]]));
  return {
    domain: { key: domainKey, name: nameOf(labels.domains, domainKey) },
    summary,
    byModel: byModel
      .filter((row): row is typeof row & { key: string } => row.key !== null)
      .map((row) => ({ ...toSummary(row), key: row.key, name: nameOf(labels.models, row.key) })),
    systems: shown.map((cell) => ({
      systemId: cell.systemId,
      systemName: cell.systemName,
      value: cell.value,
      critical: cell.critical,
      state: cell.state,
      parts: parts
        .filter((p) => p.systemId === cell.systemId)
        .map((p) => ({
          id: p.id,
          side: p.side,
          status: p.status,
          ownerName: p.ownerId ? (members.get(p.ownerId)?.name ?? "Former member") : null,
          covered: !reasonsByDuty.has(p.id),
          reasons: reasonsByDuty.get(p.id) ?? [],
        })),
    })),
    totalSystems: cells.length,
    page,
    pageCount,
  };
}

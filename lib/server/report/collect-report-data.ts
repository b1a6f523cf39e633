import "server-only";

import { db } from "@/lib/db/client";
import type { GapReason } from "@/lib/domain/coverage-reference";
import { toSummary } from "@/lib/server/coverage/coverage-summary-sql";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";
import { loadCoverageLabels, nameOf } from "@/lib/server/dashboard/coverage-labels";
import { collectReportAudit } from "@/lib/server/report/collect-report-audit";
import { GAP_REASON_LABELS, RISK_TIER_LABELS } from "@/lib/view/coverage/labels";
import { SIDE_LABELS } from "@/lib/view/duties/labels";
import type { ReportData } from "@/lib/view/report/report-data";

/** How many gaps the report lists (the full list is in the app and the bundle's gaps.csv). */
export const REPORT_TOP_GAPS = 15;

export type ReportScope = { systemIds?: string[]; domainKeys?: string[] };

function scopeText(scope: ReportScope): string {
  const systems = scope.systemIds
    ? `${scope.systemIds.length} chosen AI system(s)`
    : "all AI systems";
  const domains = scope.domainKeys
    ? `domains ${scope.domainKeys.join(", ")}`
    : "all security domains";
  return `${systems}, ${domains}`;
}

/**
 * The PDF report's data for a workspace (or a scope of it) at `now`, from the coverage engine,
 * the crosswalks and the audit chain: the same numbers as the dashboards and the bundle.
 */
export async function collectReportData(input: {
  workspaceId: string;
  generatedBy: string;
  scope?: ReportScope;
  now?: Date;
}): Promise<ReportData> {
  const { workspaceId } = input;
  const now = input.now ?? new Date();
  const scope = input.scope ?? {};
  const [workspace, labels, mapping, systems] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { name: true, slug: true },
    }),
    loadCoverageLabels(workspaceId),
    loadActiveMapping(workspaceId),
    db.aiSystem.findMany({
      where: { workspaceId, ...(scope.systemIds ? { id: { in: scope.systemIds } } : {}) },
      select: { archivedAt: true, lifecycle: true, frameworkVersionId: true },
    }),
  ]);
  // A few framework versions per workspace: their names and credit lines, not one per system.
  const versions = await db.frameworkVersion.findMany({
    where: { id: { in: [...new Set(systems.map((s) => s.frameworkVersionId))] } },
    select: { version: true, definition: true, framework: { select: { name: true } } },
    orderBy: { publishedAt: "asc" },
  });
  const [summary, byDomain, byModel, gaps, critical, references, audit] = await Promise.all([
    getCoverage({ workspaceId, scope, now }),
    getCoverageBy({ workspaceId, groupBy: "domain", scope, now }),
    getCoverageBy({ workspaceId, groupBy: "deploymentModel", scope, now }),
    getGapList({ workspaceId, scope, now, limit: REPORT_TOP_GAPS }),
    getGapList({ workspaceId, scope, now, limit: 1, filters: { critical: true } }),
    loadReferenceCoverage({ workspaceId, scope, now, mapping }),
    collectReportAudit({ workspaceId, now }),
  ]);
  const frameworkCredits = versions.map((v) => {
    const license = (v.definition as { license?: { attribution?: string; name?: string } } | null)
      ?.license;
    return (
      license?.attribution ??
      `${v.framework.name} ${v.version} (${license?.name ?? "licence not stated"})`
    );
  });
  const named = (rows: typeof byDomain, list: typeof labels.domains) =>
    rows
      .filter((row): row is typeof row & { key: string } => row.key !== null)
      .map((row) => ({ key: row.key, name: nameOf(list, row.key), summary: toSummary(row) }));
  return {
    workspace,
    generatedAt: now.toISOString(),
    generatedBy: input.generatedBy,
    scope: scopeText(scope),
    frameworks: versions.map((v) => ({ name: v.framework.name, version: v.version })),
    crosswalks: mapping.crosswalks.map(({ name, version }) => ({ name, version })),
    summary,
    systems: {
      counted: systems.filter((s) => s.archivedAt === null && s.lifecycle !== "RETIRED").length,
      total: systems.length,
    },
    gapsTotal: gaps.total,
    criticalGaps: critical.total,
    byDomain: named(byDomain, labels.domains),
    byModel: named(byModel, labels.models),
    topGaps: gaps.rows.map((gap) => ({
      systemName: gap.systemName,
      domainName: nameOf(labels.domains, gap.domainKey),
      side: SIDE_LABELS[gap.side],
      critical: gap.critical,
      riskTier: gap.riskTier ? (RISK_TIER_LABELS[gap.riskTier] ?? gap.riskTier) : null,
      ownerName: gap.ownerName,
      dueDate: gap.dueDate ? new Date(gap.dueDate).toISOString().slice(0, 10) : null,
      reasons: gap.reasons.map((r) => GAP_REASON_LABELS[r as GapReason] ?? r),
    })),
    references: references.catalogues,
    audit,
    credits: [
      ...new Set(frameworkCredits),
      ...mapping.crosswalks.map((c) => `${c.name} ${c.version} (${c.publisher})`),
      ...references.catalogues.map(
        (c) => c.attribution ?? `${c.name} ${c.version}, ${c.publisher}`,
      ),
    ],
  };
}

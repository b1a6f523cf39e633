import "server-only";

import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getHeatmap, type HeatmapCell } from "@/lib/server/coverage/get-heatmap";
import { loadCoverageLabels, nameOf } from "@/lib/server/dashboard/coverage-labels";
import { toGapView } from "@/lib/server/dashboard/gap-view";
import type { GapView } from "@/lib/view/dashboard/types";

export type SystemDomainCoverage = Pick<
  HeatmapCell,
  "domainKey" | "value" | "critical" | "state" | "coveredDuties" | "totalDuties"
> & { domainName: string; gaps: GapView[] };

export type SystemCoverageData = {
  summary: CoverageSummary;
  domains: SystemDomainCoverage[];
};

/** More gaps than one system can have (two parts per domain). */
const SYSTEM_GAP_LIMIT = 500;

/**
 * One system's coverage, domain by domain, with every gap's reasons. The system id is only ever
 * used inside the workspace's scope: another workspace's id yields an empty result, never its
 * data (the system page answers 404 for it before calling this).
 */
export async function loadSystemCoverage(input: {
  workspaceId: string;
  systemId: string;
  now?: Date;
}): Promise<SystemCoverageData> {
  const now = input.now ?? new Date();
  const scope = { systemIds: [input.systemId] };
  const [labels, summary, cells, gaps] = await Promise.all([
    loadCoverageLabels(input.workspaceId),
    getCoverage({ workspaceId: input.workspaceId, scope, now }),
    getHeatmap({ workspaceId: input.workspaceId, scope, now }),
    getGapList({ workspaceId: input.workspaceId, scope, now, limit: SYSTEM_GAP_LIMIT }),
  ]);
  const order = new Map(labels.domains.map((d, index) => [d.key, index]));
  return {
    summary,
    domains: cells
      .map((cell) => ({
        domainKey: cell.domainKey,
        domainName: nameOf(labels.domains, cell.domainKey),
        value: cell.value,
        critical: cell.critical,
        state: cell.state,
        coveredDuties: cell.coveredDuties,
        totalDuties: cell.totalDuties,
        gaps: gaps.rows
          .filter((g) => g.domainKey === cell.domainKey)
          .map((g) => toGapView(g, labels.domains)),
      }))
      .sort(
        (a, b) =>
          Number(b.critical) - Number(a.critical) ||
          (order.get(a.domainKey) ?? 1e9) - (order.get(b.domainKey) ?? 1e9),
      ),
  };
}

import "server-only";

import { db } from "@/lib/db/client";
import { getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getHeatmap, type HeatmapState } from "@/lib/server/coverage/get-heatmap";
import { loadCoverageLabels } from "@/lib/server/dashboard/coverage-labels";
import type {
  HeatmapData,
  HeatmapRow,
  HeatmapState as ViewHeatmapState,
} from "@/lib/view/dashboard/types";

// The view's list of duty states (lib/view/dashboard/types.ts) must stay the engine's: this fails
// to compile when either gains or loses one.
type SameStates = [HeatmapState] extends [ViewHeatmapState]
  ? [ViewHeatmapState] extends [HeatmapState]
    ? true
    : false
  : false;
const sameStates: SameStates = true;
void sameStates;

/** Active = counted by coverage: not archived, not retired (the engine's definition). */
const activeSystemsWhere = (workspaceId: string) => ({
  workspaceId,
  archivedAt: null,
  lifecycle: { not: "RETIRED" as const },
});

/**
 * Systems × domains for a page of systems. `order: "attention"` (the overview) picks the systems
 * with the lowest coverage first, so a capped map still shows where the work is; `"name"` (the
 * full map) pages through them alphabetically. Cell states come from the engine's getHeatmap.
 */
export async function loadHeatmap(input: {
  workspaceId: string;
  now: Date;
  limit: number;
  offset?: number;
  order?: "attention" | "name";
}): Promise<HeatmapData> {
  const { workspaceId, now, limit } = input;
  const offset = input.offset ?? 0;
  const [labels, totalSystems] = await Promise.all([
    loadCoverageLabels(workspaceId),
    db.aiSystem.count({ where: activeSystemsWhere(workspaceId) }),
  ]);
  let systemIds: string[] | undefined;
  if (input.order === "attention") {
    if (totalSystems > limit) {
      // Systems whose duties are all NA have no parts and no row here: they sort last anyway.
      const bySystem = await getCoverageBy({ workspaceId, now, groupBy: "system" });
      systemIds = bySystem
        .filter((row): row is typeof row & { key: string } => row.key !== null)
        .sort(
          (a, b) =>
            (a.coverage ?? 2) - (b.coverage ?? 2) ||
            b.totalDuties - a.totalDuties ||
            (a.label ?? "").localeCompare(b.label ?? ""),
        )
        .slice(0, limit)
        .map((row) => row.key);
    }
  } else if (totalSystems > limit || offset > 0) {
    const page = await db.aiSystem.findMany({
      where: activeSystemsWhere(workspaceId),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: offset,
      take: limit,
      select: { id: true },
    });
    systemIds = page.map((s) => s.id);
  }
  const cells =
    systemIds?.length === 0
      ? []
      : await getHeatmap({ workspaceId, now, scope: systemIds ? { systemIds } : {} });
  const rows = new Map<string, HeatmapRow>();
  for (const cell of cells) {
    let row = rows.get(cell.systemId);
    if (!row) {
      row = {
        systemId: cell.systemId,
        systemName: cell.systemName,
        coveredDuties: 0,
        totalDuties: 0,
        cells: [],
      };
      rows.set(cell.systemId, row);
    }
    row.coveredDuties += cell.coveredDuties;
    row.totalDuties += cell.totalDuties;
    row.cells.push({
      domainKey: cell.domainKey,
      value: cell.value,
      critical: cell.critical,
      state: cell.state,
      coveredDuties: cell.coveredDuties,
      totalDuties: cell.totalDuties,
    });
  }
  const ordered = systemIds
    ? systemIds.flatMap((id) => (rows.has(id) ? [rows.get(id)!] : []))
    : [...rows.values()];
  const present = new Set(cells.map((c) => c.domainKey));
  const known = labels.domains.filter((d) => present.has(d.key));
  const unknown = [...present]
    .filter((key) => !labels.domains.some((d) => d.key === key))
    .sort()
    .map((key) => ({ key, name: key }));
  return { domains: [...known, ...unknown], rows: ordered, totalSystems, offset };
}

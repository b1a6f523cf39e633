import "server-only";

import { db } from "@/lib/db/client";
import { getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getHeatmap, type HeatmapState } from "@/lib/server/coverage/get-heatmap";
import { type LabelledKey, loadCoverageLabels } from "@/lib/server/dashboard/coverage-labels";

export type HeatmapCellView = {
  domainKey: string;
  value: "P" | "C" | "S" | "NA";
  critical: boolean;
  state: HeatmapState;
  coveredParts: number;
  totalParts: number;
};

export type HeatmapRow = {
  systemId: string;
  systemName: string;
  coveredParts: number;
  totalParts: number;
  cells: HeatmapCellView[];
};

export type HeatmapData = {
  /** Columns: the domains any shown system has, in framework order. */
  domains: LabelledKey[];
  rows: HeatmapRow[];
  /** Active systems in the workspace (the rows shown may be fewer). */
  totalSystems: number;
  offset: number;
};

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
            b.totalParts - a.totalParts ||
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
        coveredParts: 0,
        totalParts: 0,
        cells: [],
      };
      rows.set(cell.systemId, row);
    }
    row.coveredParts += cell.coveredParts;
    row.totalParts += cell.totalParts;
    row.cells.push({
      domainKey: cell.domainKey,
      value: cell.value,
      critical: cell.critical,
      state: cell.state,
      coveredParts: cell.coveredParts,
      totalParts: cell.totalParts,
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

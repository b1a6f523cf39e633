/**
 * The heat map as a grid: the compact form the heat map's table (a client component, for its
 * arrow keys and links) receives. A map has hundreds of cells; as tuples lined up with the
 * columns they cost a few bytes each in the page's RSC payload, where the rendered cells (with
 * their accessible names) would cost hundreds. Pure: no server code.
 */
import type { HeatmapData, HeatmapState } from "@/lib/view/dashboard/types";

/** One cell: [state, duty value, critical, covered parts, total parts]; null: no such duty. */
export type HeatmapGridCell = [HeatmapState, "P" | "C" | "S" | "NA", boolean, number, number];

export type HeatmapGrid = {
  /** Columns, in order. */
  domains: { key: string; name: string }[];
  rows: {
    systemId: string;
    systemName: string;
    coveredDuties: number;
    totalDuties: number;
    /** One entry per column of `domains`. */
    cells: (HeatmapGridCell | null)[];
  }[];
};

/** The loader's heat map as a grid: each row's cells lined up with the columns. */
export function toHeatmapGrid(data: Pick<HeatmapData, "domains" | "rows">): HeatmapGrid {
  return {
    domains: data.domains.map(({ key, name }) => ({ key, name })),
    rows: data.rows.map((row) => {
      const byDomain = new Map(row.cells.map((cell) => [cell.domainKey, cell]));
      return {
        systemId: row.systemId,
        systemName: row.systemName,
        coveredDuties: row.coveredDuties,
        totalDuties: row.totalDuties,
        cells: data.domains.map((domain): HeatmapGridCell | null => {
          const cell = byDomain.get(domain.key);
          return cell
            ? [cell.state, cell.value, cell.critical, cell.coveredDuties, cell.totalDuties]
            : null;
        }),
      };
    }),
  };
}

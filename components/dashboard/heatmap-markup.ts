/**
 * The heat map's table as markup (see components/markup/markup-island.tsx for why): a map has
 * hundreds of cells, all static links.
 */
import { dutyHref, HEATMAP_STATE_LABELS } from "@/components/dashboard/coverage-labels";
import { markup, type Markup } from "@/components/markup/html";
import type { HeatmapState } from "@/lib/server/coverage/get-heatmap";
import type { HeatmapData } from "@/lib/server/dashboard/load-heatmap";

/** One cell: [state, duty value, critical, covered parts, total parts]; null: no such duty. */
export type HeatmapGridCell = [HeatmapState, "P" | "C" | "S" | "NA", boolean, number, number];

/** The heat map in the compact form the page sends to the browser. */
export type HeatmapGrid = {
  /** Columns, in order. */
  domains: { key: string; name: string }[];
  rows: {
    systemId: string;
    systemName: string;
    coveredParts: number;
    totalParts: number;
    /** One entry per column of `domains`. */
    cells: (HeatmapGridCell | null)[];
  }[];
};

/** The loader's heat map as a grid: each row's cells lined up with the columns. */
export function toHeatmapGrid(data: HeatmapData): HeatmapGrid {
  return {
    domains: data.domains.map(({ key, name }) => ({ key, name })),
    rows: data.rows.map((row) => {
      const byDomain = new Map(row.cells.map((cell) => [cell.domainKey, cell]));
      return {
        systemId: row.systemId,
        systemName: row.systemName,
        coveredParts: row.coveredParts,
        totalParts: row.totalParts,
        cells: data.domains.map((domain): HeatmapGridCell | null => {
          const cell = byDomain.get(domain.key);
          return cell
            ? [cell.state, cell.value, cell.critical, cell.coveredParts, cell.totalParts]
            : null;
        }),
      };
    }),
  };
}

// State is told three ways: a glyph, a short word and colour (colour is never the only signal).
// The glyph is text rather than an SVG, and the cells' look is set once on the table through
// data-state selectors: each byte of a cell is repeated a few hundred times.
const CELL_GLYPH: Record<HeatmapState, string> = {
  covered: "✓",
  partly: "◐",
  gap: "✕",
  not_applicable: "–",
};
const CELL_SHORT: Record<HeatmapState, string> = {
  covered: "Covered",
  partly: "Partly",
  gap: "Gap",
  not_applicable: "N/A",
};
const TABLE_CLASS = [
  "border-separate border-spacing-0 text-xs",
  "[&_a[data-state]]:flex [&_a[data-state]]:items-center [&_a[data-state]]:justify-center [&_a[data-state]]:gap-1",
  "[&_a[data-state]]:rounded [&_a[data-state]]:border [&_a[data-state]]:px-1 [&_a[data-state]]:py-1.5 [&_a[data-state]]:font-medium",
  "[&_a[data-state]:focus-visible]:ring-2 [&_a[data-state]:focus-visible]:ring-ring [&_a[data-state]:focus-visible]:outline-none",
  "[&_a[data-state=covered]]:border-success-border [&_a[data-state=covered]]:bg-success-soft [&_a[data-state=covered]]:text-success-foreground",
  "[&_a[data-state=partly]]:border-warning-border [&_a[data-state=partly]]:bg-warning-soft [&_a[data-state=partly]]:text-warning-foreground",
  "[&_a[data-state=gap]]:border-error-border [&_a[data-state=gap]]:bg-error-soft [&_a[data-state=gap]]:text-error-foreground",
  // Tailwind reads "_" in an arbitrary variant as a space, so `=not_applicable` compiled to an
  // invalid selector (the dev server refused the CSS, the build dropped the rule): match the prefix.
  "[&_a[data-state^=not]]:border-na-border [&_a[data-state^=not]]:bg-na-soft [&_a[data-state^=not]]:text-na-foreground",
  "[&_td]:border-t [&_td]:p-1",
].join(" ");

/**
 * Systems × domains: a row header per system (its name links to the system, with its coverage),
 * a cell per duty linking to it, with state, critical flag and part counts in its accessible
 * name, and data-row/data-col for the arrow-key navigation (heatmap-keyboard.tsx).
 */
export function heatmapTableMarkup(input: {
  slug: string;
  grid: HeatmapGrid;
  caption: string;
}): Markup {
  const { slug, grid } = input;
  const header = grid.domains.map(
    (domain) =>
      markup`<th scope="col" class="min-w-20 max-w-28 p-1 text-left align-bottom font-medium">${domain.name}</th>`,
  );
  const body = grid.rows.map((row, rowIndex) => {
    let col = 0;
    const cells = grid.domains.map((domain, index) => {
      const cell = row.cells[index];
      if (!cell)
        return markup`<td class="text-center text-muted-foreground"><span class="sr-only">Not in this system's framework</span><span aria-hidden="true">·</span></td>`;
      const [state, value, critical, covered, total] = cell;
      const label =
        `${row.systemName}, ${domain.name}: ${HEATMAP_STATE_LABELS[state]}` +
        (critical ? ", critical" : "") +
        (total > 0 ? `, ${covered} of ${total} parts covered` : "") +
        ". Open the duty.";
      const href = dutyHref({ slug, systemId: row.systemId, domainKey: domain.key });
      return markup`<td><a href="${href}" aria-label="${label}" data-row="${rowIndex}" data-col="${col++}" data-state="${state}" data-value="${value}"><span aria-hidden="true">${CELL_GLYPH[state]} ${CELL_SHORT[state]}${critical ? " ▲" : ""}</span></a></td>`;
    });
    const coverage =
      row.totalParts === 0
        ? "no parts"
        : `${Math.round((100 * row.coveredParts) / row.totalParts)} %`;
    const systemHref = `/w/${encodeURIComponent(slug)}/systems/${encodeURIComponent(row.systemId)}`;
    return markup`<tr><th scope="row" class="sticky left-0 z-10 max-w-48 truncate border-t bg-card p-2 text-left font-medium"><a href="${systemHref}" class="underline-offset-4 hover:underline">${row.systemName}</a><span class="block font-normal text-muted-foreground">${coverage}</span></th>${cells}</tr>`;
  });
  return markup`<table class="${TABLE_CLASS}"><caption class="sr-only">${input.caption}</caption><thead><tr><th scope="col" class="sticky left-0 z-10 bg-card p-2 text-left align-bottom font-medium">AI system</th>${header}</tr></thead><tbody>${body}</tbody></table>`;
}

"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";

import { HeatmapKeyboard } from "@/components/dashboard/heatmap-keyboard";
import type { HeatmapGrid } from "@/lib/view/dashboard/heatmap-grid";
import { dutyHref, HEATMAP_STATE_LABELS, systemHref } from "@/lib/view/dashboard/labels";
import type { HeatmapState } from "@/lib/view/dashboard/types";

// State is told three ways: a glyph, a short word and colour (colour is never the only signal).
// The cells' look is set once on the table through data-state selectors rather than per cell: a
// map has hundreds of cells.
const CELL_TEXT: Record<HeatmapState, string> = {
  covered: "✓ Covered",
  partly: "◐ Partly",
  gap: "✕ Gap",
  not_applicable: "– N/A",
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

function HeatmapTableRow({
  slug,
  row,
  rowIndex,
  domains,
}: {
  slug: string;
  row: HeatmapGrid["rows"][number];
  rowIndex: number;
  domains: HeatmapGrid["domains"];
}) {
  let col = 0;
  const coverage =
    row.totalDuties === 0
      ? "no parts"
      : `${Math.round((100 * row.coveredDuties) / row.totalDuties)} %`;
  return (
    <tr>
      <th
        scope="row"
        className="sticky left-0 z-10 max-w-48 truncate border-t bg-card p-2 text-left font-medium"
      >
        <Link
          href={systemHref({ slug, systemId: row.systemId })}
          className="underline-offset-4 hover:underline"
        >
          {row.systemName}
        </Link>
        <span className="block font-normal text-muted-foreground">{coverage}</span>
      </th>
      {domains.map((domain, index) => {
        const cell = row.cells[index];
        if (!cell)
          return (
            <td key={domain.key} className="text-center text-muted-foreground">
              <span className="sr-only">Not in this system&apos;s framework</span>
              <span aria-hidden="true">·</span>
            </td>
          );
        const [state, value, critical, covered, total] = cell;
        const label =
          `${row.systemName}, ${domain.name}: ${HEATMAP_STATE_LABELS[state]}` +
          (critical ? ", critical" : "") +
          (total > 0 ? `, ${covered} of ${total} parts covered` : "") +
          ". Open the duty.";
        return (
          <td key={domain.key}>
            {/* A plain anchor: HeatmapKeyboard turns its clicks into client-side navigation (see
                there). Every cell of a row opens the page the row's header link prefetches. */}
            <a
              href={dutyHref({ slug, systemId: row.systemId, domainKey: domain.key })}
              aria-label={label}
              data-row={rowIndex}
              data-col={col++}
              data-state={state}
              data-value={value}
            >
              <span aria-hidden="true">
                {critical ? `${CELL_TEXT[state]} ▲` : CELL_TEXT[state]}
              </span>
            </a>
          </td>
        );
      })}
    </tr>
  );
}

const noSubscription = () => () => {};

/** False while rendering on the server and hydrating, true from the first render after that. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * Systems × security domains: a row header per system (its name links to the system, with its
 * coverage), a cell per duty linking to it, with state, critical flag and part counts in its
 * accessible name, and data-row/data-col for the arrow keys (heatmap-keyboard.tsx). A client
 * component fed the compact grid (lib/view/dashboard/heatmap-grid.ts): the page's RSC payload
 * carries the grid rather than every cell's element and accessible name, and the browser draws
 * the cells. The server sends a placeholder of the map's size instead of the cells: rendering
 * hundreds of cells to HTML on every request took about 40 % of the overview's server time
 * (12 systems; the full map of 512 systems took seconds), and the map is only usable with its
 * scripts anyway (arrow keys, client-side links). The map's own frame scrolls, never the page.
 */
export function HeatmapTable({
  slug,
  grid,
  caption,
}: {
  slug: string;
  grid: HeatmapGrid;
  caption: string;
}) {
  const hydrated = useHydrated();
  if (!hydrated)
    return (
      <div
        role="status"
        // about one row of cells per system plus the header, so the page does not jump
        style={{ height: `${4 + 3 * Math.min(grid.rows.length, 20)}rem` }}
        className="grid w-full place-items-center rounded-lg border bg-card text-sm text-muted-foreground"
      >
        {`Drawing the heat map of ${grid.rows.length} ${grid.rows.length === 1 ? "system" : "systems"}…`}
      </div>
    );
  return (
    <HeatmapKeyboard className="relative w-full overflow-auto rounded-lg border bg-card">
      <table className={TABLE_CLASS}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-10 bg-card p-2 text-left align-bottom font-medium"
            >
              AI system
            </th>
            {grid.domains.map((domain) => (
              <th
                key={domain.key}
                scope="col"
                className="max-w-28 min-w-20 p-1 text-left align-bottom font-medium"
              >
                {domain.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, rowIndex) => (
            <HeatmapTableRow
              key={row.systemId}
              slug={slug}
              row={row}
              rowIndex={rowIndex}
              domains={grid.domains}
            />
          ))}
        </tbody>
      </table>
    </HeatmapKeyboard>
  );
}

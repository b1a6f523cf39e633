import { Check, CircleDashed, Minus, X } from "lucide-react";
import Link from "next/link";

import { dutyHref, HEATMAP_STATE_LABELS } from "@/components/dashboard/coverage-labels";
import { HeatmapKeyboard } from "@/components/dashboard/heatmap-keyboard";
import type { HeatmapState } from "@/lib/server/coverage/get-heatmap";
import type { HeatmapData } from "@/lib/server/dashboard/load-heatmap";
import { cn } from "@/lib/utils/cn";

// State is told three ways: icon, short text and colour (colour is never the only signal).
const STATE_STYLE: Record<HeatmapState, { icon: typeof Check; short: string; className: string }> =
  {
    covered: {
      icon: Check,
      short: "Covered",
      className: "bg-success-soft text-success-foreground border-success-border",
    },
    partly: {
      icon: CircleDashed,
      short: "Partly",
      className: "bg-warning-soft text-warning-foreground border-warning-border",
    },
    gap: {
      icon: X,
      short: "Gap",
      className: "bg-error-soft text-error-foreground border-error-border",
    },
    not_applicable: {
      icon: Minus,
      short: "N/A",
      className: "bg-na-soft text-na-foreground border-na-border",
    },
  };

export function HeatmapLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs" aria-label="Legend">
      {(Object.keys(STATE_STYLE) as HeatmapState[]).map((state) => {
        const style = STATE_STYLE[state];
        return (
          <li
            key={state}
            className={cn(
              "inline-flex items-center gap-1 rounded border px-1.5 py-0.5",
              style.className,
            )}
          >
            <style.icon aria-hidden="true" className="size-3" />
            {HEATMAP_STATE_LABELS[state]}
          </li>
        );
      })}
      <li className="inline-flex items-center gap-1 rounded border px-1.5 py-0.5">
        <span aria-hidden="true" className="text-destructive">
          ▲
        </span>{" "}
        Critical duty
      </li>
    </ul>
  );
}

// A map has hundreds of cells, and each byte of a cell is sent twice (HTML and the RSC payload):
// cells are plain links (next/link is a client component per cell), their look is set once on the
// table through data-state selectors, and their icon is a text glyph rather than an SVG.
const CELL_GLYPH: Record<HeatmapState, string> = {
  covered: "✓",
  partly: "◐",
  gap: "✕",
  not_applicable: "–",
};
const CELL_STYLES = cn(
  "[&_a[data-state]]:flex [&_a[data-state]]:items-center [&_a[data-state]]:justify-center [&_a[data-state]]:gap-1",
  "[&_a[data-state]]:rounded [&_a[data-state]]:border [&_a[data-state]]:px-1 [&_a[data-state]]:py-1.5 [&_a[data-state]]:font-medium",
  "[&_a[data-state]:focus-visible]:ring-2 [&_a[data-state]:focus-visible]:ring-ring [&_a[data-state]:focus-visible]:outline-none",
  "[&_a[data-state=covered]]:border-success-border [&_a[data-state=covered]]:bg-success-soft [&_a[data-state=covered]]:text-success-foreground",
  "[&_a[data-state=partly]]:border-warning-border [&_a[data-state=partly]]:bg-warning-soft [&_a[data-state=partly]]:text-warning-foreground",
  "[&_a[data-state=gap]]:border-error-border [&_a[data-state=gap]]:bg-error-soft [&_a[data-state=gap]]:text-error-foreground",
  "[&_a[data-state=not_applicable]]:border-na-border [&_a[data-state=not_applicable]]:bg-na-soft [&_a[data-state=not_applicable]]:text-na-foreground",
  "[&_td]:border-t [&_td]:p-1",
);

/**
 * Systems × security domains. Every cell is a link to that duty on the system page, with its
 * state, critical flag and part counts in its accessible name.
 */
export function CoverageHeatmap({
  slug,
  data,
  caption,
}: {
  slug: string;
  data: HeatmapData;
  caption: string;
}) {
  return (
    <HeatmapKeyboard>
      <div className="relative w-full overflow-auto rounded-lg border bg-card">
        <table className={cn("border-separate border-spacing-0 text-xs", CELL_STYLES)}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 bg-card p-2 text-left align-bottom font-medium"
              >
                AI system
              </th>
              {data.domains.map((domain) => (
                <th
                  key={domain.key}
                  scope="col"
                  className="min-w-20 max-w-28 p-1 text-left align-bottom font-medium"
                >
                  {domain.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, rowIndex) => {
              const byDomain = new Map(row.cells.map((cell) => [cell.domainKey, cell]));
              let col = 0;
              return (
                <tr key={row.systemId}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 max-w-48 truncate border-t bg-card p-2 text-left font-medium"
                  >
                    <Link
                      href={`/w/${slug}/systems/${row.systemId}`}
                      className="underline-offset-4 hover:underline"
                    >
                      {row.systemName}
                    </Link>
                    <span className="block font-normal text-muted-foreground">
                      {row.totalParts === 0
                        ? "no parts"
                        : `${Math.round((100 * row.coveredParts) / row.totalParts)} %`}
                    </span>
                  </th>
                  {data.domains.map((domain) => {
                    const cell = byDomain.get(domain.key);
                    if (!cell)
                      return (
                        <td key={domain.key} className="text-center text-muted-foreground">
                          <span className="sr-only">Not in this system&apos;s framework</span>
                          <span aria-hidden="true">·</span>
                        </td>
                      );
                    const style = STATE_STYLE[cell.state];
                    const label =
                      `${row.systemName}, ${domain.name}: ${HEATMAP_STATE_LABELS[cell.state]}` +
                      (cell.critical ? ", critical" : "") +
                      (cell.totalParts > 0
                        ? `, ${cell.coveredParts} of ${cell.totalParts} parts covered`
                        : "") +
                      ". Open the duty.";
                    return (
                      <td key={domain.key}>
                        <a
                          href={dutyHref({ slug, systemId: row.systemId, domainKey: domain.key })}
                          aria-label={label}
                          data-row={rowIndex}
                          data-col={col++}
                          data-state={cell.state}
                          data-value={cell.value}
                        >
                          <span aria-hidden="true">
                            {CELL_GLYPH[cell.state]} {style.short}
                            {cell.critical ? " ▲" : ""}
                          </span>
                        </a>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </HeatmapKeyboard>
  );
}

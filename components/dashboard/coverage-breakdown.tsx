"use client";

import { useMemo } from "react";

import { ChartFigure } from "@/components/charts/chart-figure";
import { CoverageBarChart } from "@/components/charts/coverage-bar-chart";
import { formatRate } from "@/components/dashboard/coverage-labels";
import { markup } from "@/components/markup/html";
import { MarkupIsland } from "@/components/markup/markup-island";
import type { CoverageSummary } from "@/lib/domain/coverage-reference";

export type BreakdownRow = CoverageSummary & { key: string; name: string };

const COLUMNS = [
  "Coverage",
  "Covered parts",
  "All parts",
  "Owned",
  "Implemented",
  "Evidenced",
  "Provider-assured",
];

/**
 * Coverage per group (domain, deployment model…) as labelled bars plus the same numbers as a
 * table (markup: a row per group, see components/markup/markup-island.tsx).
 */
export function CoverageBreakdown({
  caption,
  groupLabel,
  rows,
}: {
  caption: string;
  groupLabel: string;
  rows: BreakdownRow[];
}) {
  const table = useMemo(
    () =>
      markup`<table><caption>${caption}</caption><thead><tr><th scope="col">${groupLabel}</th>${COLUMNS.map((c) => markup`<th scope="col">${c}</th>`)}</tr></thead><tbody>${rows.map(
        (row) =>
          markup`<tr><th scope="row">${row.name}</th><td>${formatRate(row.coverage)}</td><td>${row.coveredParts}</td><td>${row.totalParts}</td><td>${formatRate(row.ownedRate)}</td><td>${formatRate(row.implementedRate)}</td><td>${formatRate(row.evidencedRate)}</td><td>${formatRate(row.providerAssuredRate)}</td></tr>`,
      )}</tbody></table>`,
    [caption, groupLabel, rows],
  );
  if (rows.length === 0)
    return <p className="text-sm text-muted-foreground">{caption}: no duties yet.</p>;
  const weakest = [...rows].sort((a, b) => (a.coverage ?? 2) - (b.coverage ?? 2))[0];
  return (
    <ChartFigure
      caption={caption}
      summary={
        weakest && weakest.coverage !== null
          ? `Lowest: ${weakest.name} at ${formatRate(weakest.coverage)}.`
          : undefined
      }
      chart={<CoverageBarChart bars={rows} />}
      table={<MarkupIsland markup={table} />}
    />
  );
}

"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { CoverageBarChart } from "@/components/charts/coverage-bar-chart";
import { formatRate } from "@/lib/view/dashboard/labels";
import type { NamedCoverage } from "@/lib/view/dashboard/types";

const RATES = [
  ["ownedRate", "Owned"],
  ["implementedRate", "Implemented"],
  ["evidencedRate", "Evidenced"],
  ["providerAssuredRate", "Provider-assured"],
] as const;

/**
 * Coverage per group (domain, deployment model…) as labelled bars plus the same numbers as a
 * table. A client component, like the chart inside it: the page's RSC payload then carries the
 * rows once, as data, instead of the rows for the chart plus an element per table cell (measured:
 * about 16 KB more on the overview with a server-rendered table).
 */
export function CoverageBreakdown({
  caption,
  groupLabel,
  rows,
}: {
  caption: string;
  groupLabel: string;
  rows: NamedCoverage[];
}) {
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
      table={
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{groupLabel}</th>
              <th scope="col">Coverage</th>
              <th scope="col">Covered parts</th>
              <th scope="col">All parts</th>
              {RATES.map(([key, label]) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td>{formatRate(row.coverage)}</td>
                <td>{row.coveredDuties}</td>
                <td>{row.totalDuties}</td>
                {RATES.map(([key]) => (
                  <td key={key}>{formatRate(row[key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

import { ChartFigure } from "@/components/charts/chart-figure";
import { CoverageBarChart } from "@/components/charts/coverage-bar-chart";
import { formatRate } from "@/components/dashboard/coverage-labels";
import type { CoverageSummary } from "@/lib/domain/coverage-reference";

export type BreakdownRow = CoverageSummary & { key: string; name: string };

/** Coverage per group (domain, deployment model…) as labelled bars plus the same numbers as a table. */
export function CoverageBreakdown({
  caption,
  groupLabel,
  rows,
}: {
  caption: string;
  groupLabel: string;
  rows: BreakdownRow[];
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
      // Only what the bars draw: client components' props are serialised into the page.
      chart={
        <CoverageBarChart
          bars={rows.map(({ key, name, coverage, coveredParts, totalParts }) => ({
            key,
            name,
            coverage,
            coveredParts,
            totalParts,
          }))}
        />
      }
      table={
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{groupLabel}</th>
              <th scope="col">Coverage</th>
              <th scope="col">Covered parts</th>
              <th scope="col">All parts</th>
              <th scope="col">Owned</th>
              <th scope="col">Implemented</th>
              <th scope="col">Evidenced</th>
              <th scope="col">Provider-assured</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td>{formatRate(row.coverage)}</td>
                <td>{row.coveredParts}</td>
                <td>{row.totalParts}</td>
                <td>{formatRate(row.ownedRate)}</td>
                <td>{formatRate(row.implementedRate)}</td>
                <td>{formatRate(row.evidencedRate)}</td>
                <td>{formatRate(row.providerAssuredRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { CoverageTrendChart } from "@/components/charts/coverage-trend-chart";
import { formatRate } from "@/lib/view/dashboard/labels";
import type { TrendRow } from "@/lib/view/dashboard/types";

/**
 * Coverage per daily snapshot (up to 90), with a one-line summary and the numbers behind a
 * disclosure. A client component, like the chart inside it, so the page's RSC payload carries the
 * points once, as data (see coverage-breakdown.tsx).
 */
export function CoverageTrend({ points, days }: { points: TrendRow[]; days: number }) {
  const first = points[0];
  const last = points.at(-1);
  const summary =
    !first || !last
      ? "No snapshot yet."
      : first === last
        ? `One snapshot so far: ${formatRate(last.coverage)} on ${last.day}.`
        : `From ${formatRate(first.coverage)} on ${first.day} to ${formatRate(last.coverage)} on ${last.day}.`;
  return (
    <ChartFigure
      caption={`Coverage over the last ${days} days`}
      summary={summary}
      tableVisibility="disclosure"
      chart={<CoverageTrendChart points={points} />}
      table={
        <table className="text-sm">
          <caption className="sr-only">Daily coverage snapshots</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                Day (UTC)
              </th>
              <th scope="col" className="pr-4 text-left">
                Coverage
              </th>
              <th scope="col" className="text-left">
                Covered / all parts
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <th scope="row" className="pr-4 text-left font-normal tabular-nums">
                  {p.day}
                </th>
                <td className="pr-4 tabular-nums">{formatRate(p.coverage)}</td>
                <td className="tabular-nums">{`${p.coveredDuties} / ${p.totalDuties}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

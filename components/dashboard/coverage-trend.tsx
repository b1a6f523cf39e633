"use client";

import { useMemo } from "react";

import { ChartFigure } from "@/components/charts/chart-figure";
import { CoverageTrendChart } from "@/components/charts/coverage-trend-chart";
import { formatRate } from "@/components/dashboard/coverage-labels";
import { markup } from "@/components/markup/html";
import { MarkupIsland } from "@/components/markup/markup-island";
import type { TrendPoint } from "@/lib/server/coverage/get-trend";

export type TrendRow = Pick<TrendPoint, "day" | "coverage" | "coveredParts" | "totalParts">;

/**
 * Coverage per daily snapshot, with a one-line summary and the numbers behind a disclosure (a
 * row per day, up to 90: markup, see components/markup/markup-island.tsx).
 */
export function CoverageTrend({ points, days }: { points: TrendRow[]; days: number }) {
  const table = useMemo(
    () =>
      markup`<table class="text-sm"><caption class="sr-only">Daily coverage snapshots</caption><thead><tr><th scope="col" class="pr-4 text-left">Day (UTC)</th><th scope="col" class="pr-4 text-left">Coverage</th><th scope="col" class="text-left">Covered / all parts</th></tr></thead><tbody>${points.map(
        (p) =>
          markup`<tr><th scope="row" class="pr-4 text-left font-normal tabular-nums">${p.day}</th><td class="pr-4 tabular-nums">${formatRate(p.coverage)}</td><td class="tabular-nums">${p.coveredParts} / ${p.totalParts}</td></tr>`,
      )}</tbody></table>`,
    [points],
  );
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
      table={<MarkupIsland markup={table} />}
    />
  );
}

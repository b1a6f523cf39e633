"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { useHydrated } from "@/components/charts/use-hydrated";

export type TrendDatum = { day: string; coverage: number | null };

/**
 * Coverage per daily snapshot as an area. Days without a snapshot are simply absent (no invented
 * values). The numbers are in ChartFigure's table; the points also carry dots, so a single day
 * still shows.
 */
export function CoverageTrendChart({ points }: { points: TrendDatum[] }) {
  const hydrated = useHydrated();
  const data = points.map((p) => ({
    day: p.day,
    coverage: p.coverage === null ? null : Math.round(p.coverage * 1000) / 10,
  }));
  return (
    <div className="h-56 w-full">
      {hydrated ? (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="var(--color-border)" vertical={false} />
            <XAxis
              dataKey="day"
              tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
              minTickGap={24}
            />
            <YAxis
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v} %`}
              width={48}
              tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
            />
            <Tooltip formatter={(value) => [`${String(value)} %`, "Coverage"]} />
            <Area
              type="monotone"
              dataKey="coverage"
              stroke="var(--color-primary)"
              fill="var(--color-primary-soft)"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}

"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";

import { useHydrated } from "@/components/charts/use-hydrated";

export type CoverageBar = {
  key: string;
  name: string;
  /** 0..1, or null when the group has no parts. */
  coverage: number | null;
  coveredDuties: number;
  totalDuties: number;
};

const percent = (value: number | null) => (value === null ? 0 : Math.round(value * 1000) / 10);

/**
 * Horizontal bars of coverage per group, each labelled with its percentage and part counts, so
 * the figure reads without colour or hovering. Decorative to assistive technology: ChartFigure
 * gives them the same numbers as a table.
 */
export function CoverageBarChart({ bars }: { bars: CoverageBar[] }) {
  const hydrated = useHydrated();
  const data = bars.map((bar) => ({
    name: bar.name,
    value: percent(bar.coverage),
    label:
      bar.coverage === null
        ? "no parts"
        : `${Math.round(bar.coverage * 100)} % (${bar.coveredDuties}/${bar.totalDuties})`,
  }));
  const height = Math.max(120, data.length * 34 + 40);
  return (
    <div style={{ height }} className="w-full">
      {hydrated ? (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 110, bottom: 4, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} stroke="var(--color-border)" />
            <XAxis
              type="number"
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v} %`}
              tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={170}
              tick={{ fontSize: 12, fill: "var(--color-foreground)" }}
              interval={0}
            />
            <Bar
              dataKey="value"
              fill="var(--color-primary)"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="label"
                position="right"
                style={{ fontSize: 12, fill: "var(--color-foreground)" }}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}

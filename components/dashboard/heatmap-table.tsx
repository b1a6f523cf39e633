"use client";

import { useMemo } from "react";

import { HeatmapKeyboard } from "@/components/dashboard/heatmap-keyboard";
import { type HeatmapGrid, heatmapTableMarkup } from "@/components/dashboard/heatmap-markup";
import { MarkupIsland } from "@/components/markup/markup-island";

/** The heat map's table, built from the compact grid (heatmap-markup.ts). */
export function HeatmapTable({
  slug,
  grid,
  caption,
}: {
  slug: string;
  grid: HeatmapGrid;
  caption: string;
}) {
  const markup = useMemo(() => heatmapTableMarkup({ slug, grid, caption }), [slug, grid, caption]);
  return (
    <HeatmapKeyboard>
      <MarkupIsland
        className="relative w-full overflow-auto rounded-lg border bg-card"
        markup={markup}
      />
    </HeatmapKeyboard>
  );
}

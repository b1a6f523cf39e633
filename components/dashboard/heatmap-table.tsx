"use client";

import { HeatmapKeyboard } from "@/components/dashboard/heatmap-keyboard";
import { type HeatmapGrid, heatmapTableMarkup } from "@/components/dashboard/heatmap-markup";
import { MarkupIsland } from "@/components/markup/markup-island";
import { type Packed, unpack } from "@/lib/utils/packed";
import { useMarkup } from "@/components/markup/use-markup";

/** The heat map's table, built from the packed grid (heatmap-markup.ts). */
export function HeatmapTable({
  slug,
  grid,
  caption,
}: {
  slug: string;
  grid: Packed<HeatmapGrid>;
  caption: string;
}) {
  const markup = useMarkup(`${slug}\n${caption}\n${grid}`, () =>
    heatmapTableMarkup({ slug, grid: unpack(grid), caption }),
  );
  return (
    <HeatmapKeyboard>
      <MarkupIsland
        className="relative w-full overflow-auto rounded-lg border bg-card"
        markup={markup}
      />
    </HeatmapKeyboard>
  );
}

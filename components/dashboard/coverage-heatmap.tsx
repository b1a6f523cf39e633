import { Check, CircleDashed, Minus, X } from "lucide-react";

import { cn } from "@/lib/utils/cn";
import { HEATMAP_STATE_LABELS } from "@/lib/view/dashboard/labels";
import type { HeatmapState } from "@/lib/view/dashboard/types";

// The heat map's legend (the table is heatmap-table.tsx). State is told three ways: icon (a
// glyph in the cells), words and colour (colour is never the only signal).
const STATE_STYLE: Record<HeatmapState, { icon: typeof Check; className: string }> = {
  covered: {
    icon: Check,
    className: "bg-success-soft text-success-foreground border-success-border",
  },
  partly: {
    icon: CircleDashed,
    className: "bg-warning-soft text-warning-foreground border-warning-border",
  },
  gap: { icon: X, className: "bg-error-soft text-error-foreground border-error-border" },
  not_applicable: { icon: Minus, className: "bg-na-soft text-na-foreground border-na-border" },
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

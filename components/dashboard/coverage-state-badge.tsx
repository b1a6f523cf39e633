import { Check, CircleDashed, Minus, X } from "lucide-react";

import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { HEATMAP_STATE_LABELS } from "@/lib/view/dashboard/labels";
import type { HeatmapState } from "@/lib/view/dashboard/types";

const STYLE: Record<HeatmapState, { icon: typeof Check; variant: BadgeVariant }> = {
  covered: { icon: Check, variant: "success" },
  partly: { icon: CircleDashed, variant: "warning" },
  gap: { icon: X, variant: "destructive" },
  not_applicable: { icon: Minus, variant: "muted" },
};

/** A duty's coverage state as icon + words + colour. */
export function CoverageStateBadge({ state }: { state: HeatmapState }) {
  const style = STYLE[state];
  return (
    <Badge variant={style.variant}>
      <style.icon aria-hidden="true" />
      {HEATMAP_STATE_LABELS[state]}
    </Badge>
  );
}

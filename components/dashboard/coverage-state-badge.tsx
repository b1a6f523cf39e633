import { Check, CircleDashed, Minus, X } from "lucide-react";

import { HEATMAP_STATE_LABELS } from "@/components/dashboard/coverage-labels";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { HeatmapState } from "@/lib/server/coverage/get-heatmap";

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

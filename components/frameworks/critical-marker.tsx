import { Flame } from "lucide-react";

import { cn } from "@/lib/utils/cn";

/** Critical-focus marker: an icon plus text (visible, or for screen readers only when compact). */
export function CriticalMarker({
  compact = false,
  className,
}: {
  compact?: boolean;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 text-xs font-medium text-warning-foreground",
        className,
      )}
      title="Critical focus area"
    >
      <Flame aria-hidden="true" className="size-3.5 shrink-0" />
      <span className={compact ? "sr-only" : undefined}>Critical focus</span>
    </span>
  );
}

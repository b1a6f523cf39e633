import { type ScaleEntry, scaleVariant } from "@/components/frameworks/scale-style";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";

export type ScaleBadgeProps = {
  code: string;
  entry: ScaleEntry | undefined;
  /** "both" shows "S Shared"; "code" shows the code and keeps the label for screen readers. */
  display?: "both" | "code";
  className?: string;
};

/** A cell value as code + label with its side's colour (like ResponsibilityBadge, for any scale). */
export function ScaleBadge({ code, entry, display = "both", className }: ScaleBadgeProps) {
  const label = entry?.label ?? code;
  return (
    <Badge
      variant={scaleVariant(entry?.side)}
      className={cn("font-semibold", className)}
      title={label}
    >
      <span aria-hidden={display === "code" ? true : undefined} className="tabular-nums">
        {code}
      </span>
      {display === "both" && label !== code ? <span className="font-medium">{label}</span> : null}
      {display === "code" ? <span className="sr-only">{label}</span> : null}
    </Badge>
  );
}

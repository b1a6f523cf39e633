import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

/**
 * A chart with its caption and its numbers. The drawing itself is hidden from assistive
 * technology (it repeats the table); `table` is the same data as text, always in the page:
 * visually hidden when the chart carries visible value labels, otherwise behind a disclosure.
 */
export function ChartFigure({
  caption,
  summary,
  chart,
  table,
  tableVisibility = "screen-reader",
  className,
}: {
  caption: string;
  /** One sentence with the main figures, read before the chart. */
  summary?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  tableVisibility?: "screen-reader" | "disclosure";
  className?: string;
}) {
  return (
    <figure className={cn("grid gap-2", className)}>
      <figcaption className="grid gap-0.5">
        <span className="text-sm font-semibold">{caption}</span>
        {summary ? <span className="text-sm text-muted-foreground">{summary}</span> : null}
      </figcaption>
      <div aria-hidden="true">{chart}</div>
      {tableVisibility === "screen-reader" ? (
        <div className="sr-only">{table}</div>
      ) : (
        <details className="text-sm">
          <summary className="cursor-pointer text-primary underline-offset-4 hover:underline">
            Show the numbers
          </summary>
          <div className="mt-2">{table}</div>
        </details>
      )}
    </figure>
  );
}

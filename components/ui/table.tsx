import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

export type TableProps = ComponentProps<"table"> & {
  /** Keep the header row visible while the table body scrolls inside its container. */
  stickyHeader?: boolean;
  /** Classes for the scroll container, e.g. `max-h-[70vh]` to make a sticky header useful. */
  containerClassName?: string;
  /**
   * Accessible name for the scroll region. When given, the container becomes a focusable region so
   * keyboard users can scroll wide tables (axe: scrollable-region-focusable).
   */
  label?: string;
};

/**
 * The classes of each table part, also for tables built as markup (components/markup/html.ts),
 * so both kinds look the same.
 */
export const TABLE_CLASSES = {
  container: "relative w-full overflow-auto rounded-lg border bg-card",
  table: "w-full caption-bottom border-separate border-spacing-0 text-sm",
  header: "[&_th]:bg-muted",
  body: "[&_tr:last-child_td]:border-b-0",
  row: "transition-colors hover:bg-muted/40 data-[state=selected]:bg-muted",
  head: "h-10 border-b px-3 text-left align-middle text-xs font-semibold tracking-wide whitespace-nowrap text-muted-foreground uppercase",
  cell: "border-b px-3 py-2.5 align-middle",
  caption: "px-3 py-3 text-left text-sm text-muted-foreground",
} as const;

export function Table({
  className,
  stickyHeader,
  containerClassName,
  label,
  ...props
}: TableProps) {
  return (
    <div
      className={cn(TABLE_CLASSES.container, containerClassName)}
      {...(label ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      <table
        className={cn(
          TABLE_CLASSES.table,
          stickyHeader && "[&_thead_th]:sticky [&_thead_th]:top-0 [&_thead_th]:z-10",
          className,
        )}
        {...props}
      />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn(TABLE_CLASSES.header, className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn(TABLE_CLASSES.body, className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cn("bg-muted/60 font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn(TABLE_CLASSES.row, className)} {...props} />;
}

export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return <th scope={scope} className={cn(TABLE_CLASSES.head, className)} {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn(TABLE_CLASSES.cell, className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn(TABLE_CLASSES.caption, className)} {...props} />;
}

/** A full-width row for "no results" inside a table body. */
export function TableEmptyRow({
  colSpan,
  children,
  className,
}: {
  colSpan: number;
  children: ReactNode;
  className?: string;
}) {
  return (
    <tr>
      <td
        colSpan={colSpan}
        className={cn("px-3 py-10 text-center text-sm text-muted-foreground", className)}
      >
        {children}
      </td>
    </tr>
  );
}

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

export function Table({
  className,
  stickyHeader,
  containerClassName,
  label,
  ...props
}: TableProps) {
  return (
    <div
      className={cn("relative w-full overflow-auto rounded-lg border bg-card", containerClassName)}
      {...(label ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      <table
        className={cn(
          "w-full caption-bottom border-separate border-spacing-0 text-sm",
          stickyHeader && "[&_thead_th]:sticky [&_thead_th]:top-0 [&_thead_th]:z-10",
          className,
        )}
        {...props}
      />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("[&_th]:bg-muted", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child_td]:border-b-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cn("bg-muted/60 font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr
      className={cn(
        "transition-colors hover:bg-muted/40 data-[state=selected]:bg-muted",
        className,
      )}
      {...props}
    />
  );
}

export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-10 border-b px-3 text-left align-middle text-xs font-semibold tracking-wide whitespace-nowrap text-muted-foreground uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b px-3 py-2.5 align-middle", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return (
    <caption
      className={cn("px-3 py-3 text-left text-sm text-muted-foreground", className)}
      {...props}
    />
  );
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

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** Path the page links point to, e.g. `/w/acme/systems`. */
  href: string;
  /** Current query parameters to keep (filters, sort); `pageParam` is overwritten. */
  searchParams?: Record<string, string | string[] | undefined>;
  pageParam?: string;
  /** Total number of items, shown in the summary when given. */
  totalItems?: number;
  /** Noun for the summary, e.g. "systems". */
  itemLabel?: string;
  className?: string;
};

function pageHref(
  href: string,
  searchParams: PaginationProps["searchParams"],
  pageParam: string,
  page: number,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams ?? {})) {
    if (key === pageParam || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  if (page > 1) params.set(pageParam, String(page));
  const query = params.toString();
  return query ? `${href}?${query}` : href;
}

export function Pagination({
  page,
  pageCount,
  href,
  searchParams,
  pageParam = "page",
  totalItems,
  itemLabel = "items",
  className,
}: PaginationProps) {
  const total = Math.max(1, pageCount);
  const current = Math.min(Math.max(1, page), total);
  const hasPrev = current > 1;
  const hasNext = current < total;
  const linkClass = cn(buttonVariants({ variant: "outline", size: "sm" }));
  const disabledClass = cn(
    linkClass,
    "pointer-events-none border-border bg-muted text-muted-foreground shadow-none aria-disabled:opacity-100",
  );

  return (
    <nav
      aria-label="Pagination"
      className={cn("flex flex-wrap items-center justify-between gap-3 py-3", className)}
    >
      <p className="text-sm text-muted-foreground" aria-live="polite">
        Page <span className="font-medium text-foreground">{current}</span> of{" "}
        <span className="font-medium text-foreground">{total}</span>
        {totalItems !== undefined ? (
          <>
            {" · "}
            {totalItems.toLocaleString("en")} {itemLabel}
          </>
        ) : null}
      </p>
      <div className="flex items-center gap-2">
        {hasPrev ? (
          <Link
            href={pageHref(href, searchParams, pageParam, current - 1)}
            rel="prev"
            className={linkClass}
          >
            <ChevronLeft aria-hidden="true" />
            Previous
          </Link>
        ) : (
          <span role="link" aria-disabled="true" className={disabledClass}>
            <ChevronLeft aria-hidden="true" />
            Previous
          </span>
        )}
        {hasNext ? (
          <Link
            href={pageHref(href, searchParams, pageParam, current + 1)}
            rel="next"
            className={linkClass}
          >
            Next
            <ChevronRight aria-hidden="true" />
          </Link>
        ) : (
          <span role="link" aria-disabled="true" className={disabledClass}>
            Next
            <ChevronRight aria-hidden="true" />
          </span>
        )}
      </div>
    </nav>
  );
}

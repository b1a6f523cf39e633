"use client";

import {
  FlexRender,
  type ReactTable,
  type RowData,
  rowPaginationFeature,
  type TableFeatures,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";

import { Button, buttonVariants } from "@/components/ui/button";
import {
  Table,
  TABLE_CLASSES,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";

/** What the dashboards' tables use of TanStack Table: pages chosen by the server. */
export const pagedTableFeatures = tableFeatures({ rowPaginationFeature });

/**
 * A TanStack table drawn with the design system's table parts. The cells of the `rowHeader`
 * column are row headers (th scope="row"): they name their row for screen readers.
 * `columnClassName` adds classes to a column's header and cells. The table's frame scrolls on its
 * own when the table is wider than it, and can then be focused and scrolled by keyboard (it is a
 * region named by `caption`). `isSelected` marks rows the user has selected (highlighted, and
 * `aria-selected` for screen readers).
 */
export function DataTable<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  caption,
  rowHeader,
  columnClassName = {},
  className,
  isSelected,
}: {
  table: ReactTable<TFeatures, TData>;
  caption: string;
  rowHeader?: string;
  columnClassName?: Partial<Record<string, string>>;
  className?: string;
  isSelected?: (row: TData) => boolean;
}) {
  return (
    <Table className={className} label={caption}>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id} className={columnClassName[header.column.id]}>
                {header.isPlaceholder ? null : <FlexRender header={header} />}
              </TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => {
          const selected = isSelected?.(row.original);
          return (
            <TableRow
              key={row.id}
              data-state={selected ? "selected" : undefined}
              aria-selected={isSelected ? selected : undefined}
            >
              {row.getAllCells().map((cell) =>
                cell.column.id === rowHeader ? (
                  <th
                    key={cell.id}
                    scope="row"
                    className={cn(TABLE_CLASSES.cell, "text-left", columnClassName[cell.column.id])}
                  >
                    <FlexRender cell={cell} />
                  </th>
                ) : (
                  <TableCell key={cell.id} className={columnClassName[cell.column.id]}>
                    <FlexRender cell={cell} />
                  </TableCell>
                ),
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * Previous / next for a table paged on the server (manualPagination): links when each page has
 * its own URL (`hrefOf`, 0-based page index), otherwise buttons that change the table's
 * pagination state (its onPaginationChange fetches the page).
 */
export function TablePager<TData extends RowData>({
  table,
  label,
  pageIndex,
  hrefOf,
}: {
  table: ReactTable<typeof pagedTableFeatures, TData>;
  label: string;
  pageIndex: number;
  hrefOf?: (pageIndex: number) => string;
}) {
  const pageCount = table.getPageCount();
  if (pageCount <= 1) return null;
  const canPrevious = table.getCanPreviousPage();
  const canNext = table.getCanNextPage();
  const step = (delta: -1 | 1, text: string, enabled: boolean) =>
    hrefOf && enabled ? (
      <Link
        href={hrefOf(pageIndex + delta)}
        scroll={false}
        rel={delta < 0 ? "prev" : "next"}
        className={buttonVariants({ variant: "outline" })}
      >
        {text}
      </Link>
    ) : (
      <Button
        type="button"
        variant="outline"
        disabled={!enabled}
        onClick={() => (delta < 0 ? table.previousPage() : table.nextPage())}
      >
        {text}
      </Button>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-2 text-sm">
      {step(-1, "Previous page", canPrevious)}
      <span>
        Page {pageIndex + 1} of {pageCount}
      </span>
      {step(1, "Next page", canNext)}
    </nav>
  );
}

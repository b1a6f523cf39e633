"use client";

import { createColumnHelper, type PaginationState, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";

import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { DataTable, pagedTableFeatures, TablePager } from "@/components/ui/data-table";
import { CriticalBadge, OverdueBadge } from "@/components/ui/status-badge";
import { GAP_REASON_FIXES, GAP_REASON_LABELS, RISK_TIER_LABELS } from "@/lib/view/coverage/labels";
import { dutyHref, systemHref } from "@/lib/view/dashboard/labels";
import type { GapView, ListPage } from "@/lib/view/dashboard/types";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

const column = createColumnHelper<typeof pagedTableFeatures, GapView>();

/** Chosen gaps (their duty ids), for "New plan" on the gaps page. */
export type GapSelection = {
  selected: ReadonlySet<string>;
  onChange: (dutyIds: string[], selected: boolean) => void;
};

function gapColumns(slug: string, showSystem: boolean, selection?: GapSelection) {
  return column.columns([
    ...(selection
      ? [
          column.display({
            id: "select",
            header: ({ table }) => {
              const ids = table.getRowModel().rows.map((row) => row.original.dutyId);
              const all = ids.length > 0 && ids.every((id) => selection.selected.has(id));
              return (
                <Checkbox
                  aria-label="Select every gap on this page"
                  checked={all}
                  onChange={(event) => selection.onChange(ids, event.target.checked)}
                />
              );
            },
            cell: ({ row }) => {
              const gap = row.original;
              return (
                <Checkbox
                  aria-label={`Select ${gap.systemName}, ${gap.domainName}, ${SIDE_LABELS[gap.side].toLowerCase()}`}
                  checked={selection.selected.has(gap.dutyId)}
                  onChange={(event) => selection.onChange([gap.dutyId], event.target.checked)}
                />
              );
            },
          }),
        ]
      : []),
    ...(showSystem
      ? [
          column.accessor("systemName", {
            header: "AI system",
            cell: ({ row }) => (
              <Link
                className="font-medium underline-offset-4 hover:underline"
                href={systemHref({ slug, systemId: row.original.systemId })}
              >
                {row.original.systemName}
              </Link>
            ),
          }),
        ]
      : []),
    column.accessor("domainName", {
      header: "Domain",
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-1">
          {row.original.domainName}
          {row.original.critical ? <CriticalBadge /> : null}
        </span>
      ),
    }),
    column.accessor("side", { header: "Part", cell: ({ getValue }) => SIDE_LABELS[getValue()] }),
    column.accessor("reasons", {
      header: "Why it is a gap",
      cell: ({ getValue }) => (
        <ul className="flex flex-wrap gap-1">
          {getValue().map((reason) => (
            <li key={reason}>
              <Badge variant="warning" title={GAP_REASON_FIXES[reason]}>
                {GAP_REASON_LABELS[reason]}
              </Badge>
            </li>
          ))}
        </ul>
      ),
    }),
    column.accessor("ownerName", {
      header: "Owner",
      cell: ({ getValue }) => getValue() ?? <span className="text-muted-foreground">nobody</span>,
    }),
    column.accessor("riskTier", {
      header: "Risk tier",
      cell: ({ getValue }) => {
        const tier = getValue();
        return tier ? (RISK_TIER_LABELS[tier] ?? tier) : "—";
      },
    }),
    column.accessor("dueDate", {
      header: "Due",
      cell: ({ row }) => {
        const due = row.original.dueDate;
        if (!due) return "—";
        return (
          <span className="flex flex-wrap items-center gap-1">
            {due.slice(0, 10)}
            {row.original.overdue ? <OverdueBadge /> : null}
          </span>
        );
      },
    }),
    column.display({
      id: "fix",
      header: () => <span className="sr-only">Fix</span>,
      cell: ({ row }) => {
        const gap = row.original;
        return (
          <Link
            className="font-medium text-primary underline-offset-4 hover:underline"
            href={dutyHref({ slug, systemId: gap.systemId, domainKey: gap.domainKey })}
          >
            {gap.reasons[0] ? GAP_REASON_FIXES[gap.reasons[0]] : "Open"}
            <span className="sr-only">
              {` : ${gap.systemName}, ${gap.domainName}, ${SIDE_LABELS[gap.side].toLowerCase()}`}
            </span>
          </Link>
        );
      },
    }),
  ]);
}

/**
 * Gaps with their reasons and a link to fix each one (the duty on its system page). `page`: the
 * rows are one page of a longer list, paged on the server; `onPageChange` asks for another
 * (1-based). Without it the rows are the whole table (the overview's top gaps).
 */
export function GapTable({
  slug,
  gaps,
  caption,
  showSystem = true,
  page,
  onPageChange,
  selection,
}: {
  slug: string;
  gaps: GapView[];
  caption: string;
  showSystem?: boolean;
  page?: Omit<ListPage<GapView>, "rows">;
  onPageChange?: (page: number) => void;
  /** Checkboxes to choose gaps (the gaps page, for a new plan). */
  selection?: GapSelection;
}) {
  const columns = useMemo(
    () => gapColumns(slug, showSystem, selection),
    [slug, showSystem, selection],
  );
  const pagination: PaginationState = {
    pageIndex: (page?.page ?? 1) - 1,
    pageSize: page?.pageSize ?? gaps.length,
  };
  const table = useTable({
    features: pagedTableFeatures,
    columns,
    data: gaps,
    getRowId: (gap) => gap.dutyId,
    manualPagination: true,
    rowCount: page?.total ?? gaps.length,
    state: { pagination },
    onPaginationChange: (updater) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      onPageChange?.(next.pageIndex + 1);
    },
  });
  return (
    <div className="grid gap-3">
      <DataTable
        table={table}
        caption={caption}
        rowHeader={showSystem ? "systemName" : "domainName"}
        columnClassName={{ dueDate: "tabular-nums" }}
        isSelected={selection ? (gap) => selection.selected.has(gap.dutyId) : undefined}
      />
      {page ? (
        <TablePager table={table} label="Gap pages" pageIndex={pagination.pageIndex} />
      ) : null}
    </div>
  );
}

"use client";

import { createColumnHelper, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";

import { DataTable, pagedTableFeatures } from "@/components/ui/data-table";
import { OverdueBadge, PlanStatusBadge } from "@/components/ui/status-badge";
import { planHref } from "@/lib/view/plans/links";
import type { PlanView } from "@/lib/view/plans/types";

import { PlanProgress } from "./plan-progress";

const column = createColumnHelper<typeof pagedTableFeatures, PlanView>();

function planColumns(slug: string) {
  return column.columns([
    column.accessor("title", {
      header: "Plan",
      cell: ({ row }) => (
        <Link
          className="font-medium underline-offset-4 hover:underline"
          href={planHref({ slug, planId: row.original.id })}
        >
          {row.original.title}
        </Link>
      ),
    }),
    column.accessor("effectiveStatus", {
      header: "Status",
      cell: ({ getValue }) => <PlanStatusBadge status={getValue()} />,
    }),
    column.display({
      id: "progress",
      header: "Progress",
      cell: ({ row }) => <PlanProgress covered={row.original.covered} total={row.original.total} />,
    }),
    column.accessor("ownerName", {
      header: "Owner",
      cell: ({ getValue }) => getValue() ?? <span className="text-muted-foreground">nobody</span>,
    }),
    column.accessor("dueDate", {
      header: "Due",
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-1">
          <span className="tabular-nums">{row.original.dueDate ?? "—"}</span>
          {row.original.overdue ? <OverdueBadge /> : null}
        </span>
      ),
    }),
  ]);
}

/** One page of action plans (the server picks the page from the URL). */
export function PlanTable({
  slug,
  rows,
  page,
}: {
  slug: string;
  rows: PlanView[];
  page: { page: number; pageSize: number; total: number };
}) {
  const columns = useMemo(() => planColumns(slug), [slug]);
  const table = useTable({
    features: pagedTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualPagination: true,
    rowCount: page.total,
    state: { pagination: { pageIndex: page.page - 1, pageSize: page.pageSize } },
  });
  return <DataTable table={table} caption="Action plans" rowHeader="title" />;
}

"use client";

import { createColumnHelper, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";

import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { DataTable, pagedTableFeatures } from "@/components/ui/data-table";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge, DutyStatusBadge } from "@/components/ui/status-badge";
import type { DutySide, ResponsibilityValue } from "@/lib/domain/responsibility";
import type { DueGroup } from "@/lib/validation/responsibilities";
import { dutyHref, systemHref } from "@/lib/view/dashboard/labels";
import { DUE_GROUP_LABELS, SIDE_LABELS } from "@/lib/view/duties/labels";

export type MyDutyRowView = {
  id: string;
  side: DutySide;
  status: string;
  dueDate: string | null;
  dueGroup: DueGroup;
  domainKey: string;
  domainName: string;
  value: ResponsibilityValue;
  critical: boolean;
  system: { id: string; name: string };
};

const DUE_GROUP_VARIANTS: Record<DueGroup, BadgeVariant> = {
  overdue: "destructive",
  thisWeek: "warning",
  later: "outline",
  noDate: "muted",
};

const column = createColumnHelper<typeof pagedTableFeatures, MyDutyRowView>();

function myDutyColumns(slug: string) {
  return column.columns([
    column.accessor((row) => row.system.name, {
      id: "system",
      header: "System",
      cell: ({ row }) => (
        <Link
          className="font-medium hover:underline"
          href={systemHref({ slug, systemId: row.original.system.id })}
        >
          {row.original.system.name}
        </Link>
      ),
    }),
    column.accessor("domainName", {
      header: "Domain",
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-2">
          <Link
            className="underline-offset-4 hover:underline"
            href={dutyHref({
              slug,
              systemId: row.original.system.id,
              domainKey: row.original.domainKey,
            })}
          >
            {row.original.domainName}
          </Link>
          {row.original.critical ? <CriticalBadge /> : null}
        </span>
      ),
    }),
    column.accessor("value", {
      header: "Value",
      cell: ({ getValue }) => <ResponsibilityBadge value={getValue()} display="code" />,
    }),
    column.accessor("side", { header: "Side", cell: ({ getValue }) => SIDE_LABELS[getValue()] }),
    column.accessor("status", {
      header: "Status",
      cell: ({ getValue }) => <DutyStatusBadge status={getValue()} />,
    }),
    column.accessor("dueDate", {
      header: "Due",
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-2">
          <span className="tabular-nums">{row.original.dueDate ?? "—"}</span>
          <Badge variant={DUE_GROUP_VARIANTS[row.original.dueGroup]}>
            {DUE_GROUP_LABELS[row.original.dueGroup]}
          </Badge>
        </span>
      ),
    }),
  ]);
}

/** One page of My duties (the server picks the page from the URL), overdue first. */
export function MyDutyTable({
  slug,
  rows,
  page,
}: {
  slug: string;
  rows: MyDutyRowView[];
  page: { page: number; pageSize: number; total: number };
}) {
  const columns = useMemo(() => myDutyColumns(slug), [slug]);
  const table = useTable({
    features: pagedTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualPagination: true,
    rowCount: page.total,
    state: { pagination: { pageIndex: page.page - 1, pageSize: page.pageSize } },
  });
  return <DataTable table={table} caption="My duties" rowHeader="system" />;
}

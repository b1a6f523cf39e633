"use client";

import { createColumnHelper, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";

import { DataTable, pagedTableFeatures, TablePager } from "@/components/ui/data-table";
import type { ListPage, OwnerDuties } from "@/lib/view/dashboard/types";

const column = createColumnHelper<typeof pagedTableFeatures, OwnerDuties>();

/**
 * Open parts per owner (everyone who has any), each linking to their gaps; one page of them,
 * chosen by the server from the `pageParam` search parameter of `href` (the pager's links).
 */
export function OwnerDutiesTable({
  slug,
  owners,
  href,
  pageParam,
}: {
  slug: string;
  owners: ListPage<OwnerDuties>;
  href: string;
  pageParam: string;
}) {
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("name", {
          header: "Owner",
          cell: ({ row }) => (
            <Link
              className="underline-offset-4 hover:underline"
              href={`/w/${encodeURIComponent(slug)}/gaps?ownerId=${encodeURIComponent(row.original.ownerId ?? "none")}`}
            >
              {row.original.name}
            </Link>
          ),
        }),
        column.accessor("openDuties", { header: "Open parts" }),
        column.accessor("totalDuties", { header: "All parts" }),
      ]),
    [slug],
  );
  const pagination = { pageIndex: owners.page - 1, pageSize: owners.pageSize };
  const table = useTable({
    features: pagedTableFeatures,
    columns,
    data: owners.rows,
    getRowId: (owner) => owner.ownerId ?? "none",
    manualPagination: true,
    rowCount: owners.total,
    state: { pagination },
  });
  return (
    <div className="grid gap-3">
      <DataTable
        table={table}
        caption="Open (uncovered) parts per owner"
        rowHeader="name"
        columnClassName={{
          name: "font-normal",
          openDuties: "text-right tabular-nums",
          totalDuties: "text-right tabular-nums",
        }}
      />
      <TablePager
        table={table}
        label="Owner pages"
        pageIndex={pagination.pageIndex}
        hrefOf={(index) => (index === 0 ? href : `${href}?${pageParam}=${index + 1}`)}
      />
    </div>
  );
}

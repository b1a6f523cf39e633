"use client";

import {
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  type RowSelectionState,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DataTable } from "@/components/ui/data-table";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge, DutyStatusBadge } from "@/components/ui/status-badge";
import { bulkAssignOwnerAction, bulkSetDueDateAction } from "@/lib/actions/responsibilities";
import type { DutySide, ResponsibilityValue } from "@/lib/domain/responsibility";
import { useActionForm } from "@/lib/forms/use-action-form";
import { bulkAssignOwnerSchema, bulkSetDueDateSchema } from "@/lib/validation/responsibilities";
import { systemHref } from "@/lib/view/dashboard/labels";
import { SIDE_LABELS } from "@/lib/view/duties/labels";
import type { PickerOption } from "@/lib/view/systems/picker-types";

export type DutyRowView = {
  id: string;
  side: DutySide;
  status: string;
  ownerName: string | null;
  dueDate: string | null;
  domainName: string;
  value: ResponsibilityValue;
  overridden: boolean;
  critical: boolean;
  system: { id: string; name: string };
};

// Pages come from the server (manualPagination); rows are selected for the bulk tools.
const dutyTableFeatures = tableFeatures({ rowPaginationFeature, rowSelectionFeature });
const column = createColumnHelper<typeof dutyTableFeatures, DutyRowView>();

function dutyColumns(slug: string, canEdit: boolean) {
  return column.columns([
    ...(canEdit
      ? [
          column.display({
            id: "select",
            header: ({ table }) => (
              <Checkbox
                aria-label="Select all duties on this page"
                checked={table.getIsAllPageRowsSelected()}
                onChange={table.getToggleAllPageRowsSelectedHandler()}
              />
            ),
            cell: ({ row }) => (
              <Checkbox
                aria-label={`Select ${row.original.side === "CUSTOMER" ? "your part" : "the provider's part"} of ${row.original.domainName} for ${row.original.system.name}`}
                checked={row.getIsSelected()}
                onChange={row.getToggleSelectedHandler()}
              />
            ),
          }),
        ]
      : []),
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
          {row.original.domainName}
          {row.original.critical ? <CriticalBadge /> : null}
        </span>
      ),
    }),
    column.accessor("value", {
      header: "Value",
      cell: ({ row }) => (
        <ResponsibilityBadge
          value={row.original.value}
          display="code"
          overridden={row.original.overridden}
        />
      ),
    }),
    column.accessor("side", { header: "Side", cell: ({ getValue }) => SIDE_LABELS[getValue()] }),
    column.accessor("ownerName", {
      header: "Owner",
      cell: ({ getValue }) => getValue() ?? <span className="text-muted-foreground">Nobody</span>,
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ getValue }) => <DutyStatusBadge status={getValue()} />,
    }),
    column.accessor("dueDate", { header: "Due", cell: ({ getValue }) => getValue() ?? "—" }),
  ]);
}

/**
 * One page of the duty list (the server picks the page from the URL), with row selection and the
 * bulk tools (owner, due date) above it.
 */
export function DutyTable({
  slug,
  rows,
  members,
  canEdit,
  page,
}: {
  slug: string;
  rows: DutyRowView[];
  members: PickerOption[];
  canEdit: boolean;
  page: { page: number; pageSize: number; total: number };
}) {
  const router = useRouter();
  const [selection, setSelectionState] = useState<RowSelectionState>({});
  const done = () => {
    setSelection({});
    router.refresh();
  };
  const assignOwner = bulkAssignOwnerAction.bind(null, slug);
  const owner = useActionForm({
    action: assignOwner,
    schema: bulkAssignOwnerSchema,
    defaultValues: { ownerId: "", target: { kind: "duties", dutyIds: [] } },
    actionProps: { onSuccess: done },
  });
  const setDueDate = bulkSetDueDateAction.bind(null, slug);
  const due = useActionForm({
    action: setDueDate,
    schema: bulkSetDueDateSchema,
    defaultValues: { dutyIds: [], dueDate: "" },
    actionProps: { onSuccess: done },
  });
  // The selected rows are the duties both bulk forms act on.
  function setSelection(next: RowSelectionState) {
    setSelectionState(next);
    const ids = Object.keys(next).filter((id) => next[id]);
    owner.form.setValue("target.dutyIds", ids);
    due.form.setValue("dutyIds", ids);
  }
  const columns = useMemo(() => dutyColumns(slug, canEdit), [slug, canEdit]);
  const table = useTable({
    features: dutyTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualPagination: true,
    rowCount: page.total,
    enableRowSelection: canEdit,
    state: {
      pagination: { pageIndex: page.page - 1, pageSize: page.pageSize },
      rowSelection: selection,
    },
    onRowSelectionChange: (updater) =>
      setSelection(typeof updater === "function" ? updater(selection) : updater),
  });
  const ownerError = owner.fieldError("ownerId");
  const dueError = due.fieldError("dueDate");
  const error = owner.formError ?? due.formError;
  const count = Object.values(selection).filter(Boolean).length;
  return (
    <div className="grid gap-3">
      {canEdit ? (
        <div
          role="group"
          aria-label="Bulk actions"
          className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3"
        >
          <p className="text-sm font-medium" aria-live="polite">
            {count} selected
          </p>
          <form noValidate className="contents" onSubmit={owner.onSubmit}>
            <div className="grid gap-1.5">
              <label htmlFor="bulk-owner" className="text-sm">
                Owner
              </label>
              <NativeSelect
                id="bulk-owner"
                wrapperClassName="w-56"
                aria-invalid={ownerError ? true : undefined}
                aria-describedby={ownerError ? "bulk-owner-error" : undefined}
                {...owner.form.register("ownerId")}
              >
                <option value="">Nobody (clear)</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" variant="outline" disabled={count === 0 || owner.isPending}>
              Assign owner
            </Button>
          </form>
          <form noValidate className="contents" onSubmit={due.onSubmit}>
            <div className="grid gap-1.5">
              <label htmlFor="bulk-due" className="text-sm">
                Due date
              </label>
              <Input
                id="bulk-due"
                type="date"
                className="w-44"
                aria-invalid={dueError ? true : undefined}
                aria-describedby={dueError ? "bulk-due-error" : undefined}
                {...due.form.register("dueDate")}
              />
            </div>
            <Button type="submit" variant="outline" disabled={count === 0 || due.isPending}>
              Set due date
            </Button>
          </form>
          {ownerError ? (
            <p id="bulk-owner-error" role="alert" className="text-sm font-medium text-destructive">
              {ownerError}
            </p>
          ) : null}
          {dueError ? (
            <p id="bulk-due-error" role="alert" className="text-sm font-medium text-destructive">
              {dueError}
            </p>
          ) : null}
          {owner.action.result.data ? (
            <p role="status" className="text-sm">
              {owner.action.result.data.count} duties assigned.
            </p>
          ) : null}
          {due.action.result.data ? (
            <p role="status" className="text-sm">
              {due.action.result.data.count} due dates set.
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
      <DataTable
        table={table}
        caption="Duties"
        rowHeader="system"
        columnClassName={{ dueDate: "tabular-nums" }}
      />
    </div>
  );
}

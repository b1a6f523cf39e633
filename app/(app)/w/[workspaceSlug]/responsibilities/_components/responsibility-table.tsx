"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge, DutyStatusBadge } from "@/components/ui/status-badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { bulkAssignOwnerAction, bulkSetDueDateAction } from "@/lib/actions/responsibilities";
import type { DutySide, ResponsibilityValue } from "@/lib/domain/responsibility";
import { useActionForm } from "@/lib/forms/use-action-form";
import { bulkAssignOwnerSchema, bulkSetDueDateSchema } from "@/lib/validation/responsibilities";
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

/** The duty list with row selection and the bulk tools (owner, due date) above it. */
export function ResponsibilityTable({
  slug,
  rows,
  members,
  canEdit,
}: {
  slug: string;
  rows: DutyRowView[];
  members: PickerOption[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [selected, setSelectedState] = useState<Set<string>>(new Set());
  const done = () => {
    setSelected(new Set());
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
  function setSelected(next: Set<string>) {
    setSelectedState(next);
    owner.form.setValue("target.dutyIds", [...next]);
    due.form.setValue("dutyIds", [...next]);
  }
  const ownerError = owner.fieldError("ownerId");
  const dueError = due.fieldError("dueDate");
  const error = owner.formError ?? due.formError;
  const ids = [...selected];
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <div className="grid gap-3">
      {canEdit ? (
        <div
          role="group"
          aria-label="Bulk actions"
          className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3"
        >
          <p className="text-sm font-medium" aria-live="polite">
            {ids.length} selected
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
            <Button type="submit" variant="outline" disabled={ids.length === 0 || owner.isPending}>
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
            <Button type="submit" variant="outline" disabled={ids.length === 0 || due.isPending}>
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
      <Table label="Responsibilities">
        <TableHeader>
          <TableRow>
            {canEdit ? (
              <TableHead>
                <Checkbox
                  aria-label="Select all duties on this page"
                  checked={allSelected}
                  onChange={(e) =>
                    setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())
                  }
                />
              </TableHead>
            ) : null}
            <TableHead>System</TableHead>
            <TableHead>Domain</TableHead>
            <TableHead>Value</TableHead>
            <TableHead>Side</TableHead>
            <TableHead>Owner</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Due</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-state={selected.has(row.id) ? "selected" : undefined}>
              {canEdit ? (
                <TableCell>
                  <Checkbox
                    aria-label={`Select ${row.side === "CUSTOMER" ? "your part" : "the provider's part"} of ${row.domainName} for ${row.system.name}`}
                    checked={selected.has(row.id)}
                    onChange={(e) => toggle(row.id, e.target.checked)}
                  />
                </TableCell>
              ) : null}
              <TableCell className="font-medium">
                <Link className="hover:underline" href={`/w/${slug}/systems/${row.system.id}`}>
                  {row.system.name}
                </Link>
              </TableCell>
              <TableCell>
                <span className="flex flex-wrap items-center gap-2">
                  {row.domainName}
                  {row.critical ? <CriticalBadge /> : null}
                </span>
              </TableCell>
              <TableCell>
                <ResponsibilityBadge value={row.value} display="code" overridden={row.overridden} />
              </TableCell>
              <TableCell>{row.side === "CUSTOMER" ? "Customer" : "Provider"}</TableCell>
              <TableCell>
                {row.ownerName ?? <span className="text-muted-foreground">Nobody</span>}
              </TableCell>
              <TableCell>
                <DutyStatusBadge status={row.status} />
              </TableCell>
              <TableCell className="tabular-nums">{row.dueDate ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

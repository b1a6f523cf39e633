"use client";

import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { updateDutyAction } from "@/lib/actions/responsibilities";
import type { DutyStatus } from "@/lib/domain/responsibility";
import { useActionForm } from "@/lib/forms/use-action-form";
import { DUTY_STATUS_LABELS, updateDutySchema } from "@/lib/validation/responsibilities";
import type { PickerOption } from "@/lib/view/systems/picker-types";

export type EditableDuty = {
  id: string;
  version: number;
  ownerId: string | null;
  status: DutyStatus;
  justification: string | null;
  dueDate: string | null;
  riskApproverId: string | null;
  riskAcceptanceExpiresAt: string | null;
};

// The statuses an edit may choose. RISK_ACCEPTED and NOT_APPLICABLE come only from an approval
// (components/approvals/request-exception-form.tsx); a duty holding one keeps it in the list so
// the other fields can be saved without ending it.
const WORKING_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED"] as const;
const isWaiver = (status: string) => status === "RISK_ACCEPTED" || status === "NOT_APPLICABLE";

/**
 * Edits one duty in place. Sends the version it was opened with: if someone saved in between, the
 * server answers with a conflict, the form keeps the user's input on screen and says what to do.
 */
export function DutyEditor({
  slug,
  part,
  label,
  members,
  onDone,
}: {
  slug: string;
  part: EditableDuty;
  label: string;
  members: PickerOption[];
  onDone: () => void;
}) {
  const router = useRouter();
  const updateDuty = updateDutyAction.bind(null, slug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: updateDuty,
    schema: updateDutySchema,
    // Blank fields mean "none": the schema turns "" into null.
    defaultValues: {
      dutyId: part.id,
      expectedVersion: part.version,
      ownerId: part.ownerId ?? "",
      status: part.status,
      justification: part.justification ?? "",
      dueDate: part.dueDate ?? "",
      riskApproverId: part.riskApproverId ?? "",
      riskAcceptanceExpiresAt: part.riskAcceptanceExpiresAt ?? "",
    },
    // A kept waiver keeps what its approval set (fields left out stay); any other status clears
    // the approver and expiry.
    prepare: (values) =>
      values.status && isWaiver(values.status)
        ? {
            ...values,
            justification: undefined,
            riskApproverId: undefined,
            riskAcceptanceExpiresAt: undefined,
          }
        : { ...values, riskApproverId: null, riskAcceptanceExpiresAt: null },
    actionProps: {
      onSuccess: () => {
        router.refresh();
        onDone();
      },
    },
  });
  const conflict = action.result.serverError?.code === "CONFLICT";
  const id = (name: string) => `part-${part.id}-${name}`;
  const status = form.watch("status");
  const waived = isWaiver(status ?? "");
  const statuses: DutyStatus[] = isWaiver(part.status)
    ? [part.status, ...WORKING_STATUSES]
    : [...WORKING_STATUSES];
  return (
    <form
      noValidate
      aria-label={`Edit ${label}`}
      className="grid gap-3 rounded-md border bg-background p-3 sm:grid-cols-2"
      onSubmit={onSubmit}
    >
      <FormField id={id("owner")} label="Owner" error={fieldError("ownerId")}>
        <NativeSelect {...form.register("ownerId")}>
          <option value="">Nobody yet</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={id("status")} label="Status" error={fieldError("status")}>
        <NativeSelect {...form.register("status")}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {DUTY_STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={id("due")} label="Due date" error={fieldError("dueDate")}>
        <Input type="date" {...form.register("dueDate")} />
      </FormField>
      {waived ? (
        <p className="text-sm text-muted-foreground sm:col-span-2">
          Set by an approval: its justification and end date change only with a new request.
          Choosing another status ends it.
        </p>
      ) : (
        <FormField
          id={id("justification")}
          label="Justification"
          error={fieldError("justification")}
          className="sm:col-span-2"
        >
          <Textarea rows={2} {...form.register("justification")} />
        </FormField>
      )}
      {formError ? (
        <Alert
          variant="error"
          className="sm:col-span-2"
          title={conflict ? "Not saved: this duty changed meanwhile" : undefined}
        >
          {formError}
          {conflict ? (
            <Button type="button" variant="link" className="ml-2" onClick={() => router.refresh()}>
              Reload the latest version
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? "Saving…" : "Save"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

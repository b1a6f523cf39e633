"use client";

import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { requestApprovalAction } from "@/lib/actions/approvals";
import { useActionForm } from "@/lib/forms/use-action-form";
import { APPROVAL_KIND_LABELS, createApprovalSchema } from "@/lib/validation/approvals";
import type { PickerOption } from "@/lib/view/systems/picker-types";

/**
 * Asks an admin or owner to accept a duty's risk or declare it not applicable, until an end date.
 * The duty stays as it is (a gap) until the approver approves; this replaces choosing those
 * statuses in the duty editor.
 */
export function RequestExceptionForm({
  slug,
  dutyId,
  label,
  approvers,
  latestDay,
  onDone,
}: {
  slug: string;
  dutyId: string;
  label: string;
  /** Admins and owners other than the person asking. */
  approvers: PickerOption[];
  /** The last end date the workspace allows (YYYY-MM-DD). */
  latestDay: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: requestApprovalAction.bind(null, slug),
    schema: createApprovalSchema,
    defaultValues: {
      kind: "RISK_ACCEPTANCE",
      dutyId,
      approverId: "",
      justification: "",
      endsAt: "",
    },
    actionProps: {
      onSuccess: () => {
        router.refresh();
        onDone();
      },
    },
  });
  const id = (name: string) => `request-${dutyId}-${name}`;
  return (
    <form
      noValidate
      aria-label={`Request an exception for ${label}`}
      className="grid gap-3 rounded-md border bg-background p-3 sm:grid-cols-2"
      onSubmit={onSubmit}
    >
      <p className="text-sm text-muted-foreground sm:col-span-2">
        The duty stays a gap until the approver approves. You cannot approve your own request.
      </p>
      <FormField id={id("kind")} label="Request" error={fieldError("kind")}>
        <NativeSelect {...form.register("kind")}>
          {(["RISK_ACCEPTANCE", "NOT_APPLICABLE"] as const).map((kind) => (
            <option key={kind} value={kind}>
              {APPROVAL_KIND_LABELS[kind]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={id("approver")} label="Approver" required error={fieldError("approverId")}>
        <NativeSelect {...form.register("approverId")}>
          <option value="">Choose an admin or owner</option>
          {approvers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField
        id={id("ends")}
        label="Ends on"
        required
        description={`At the latest ${latestDay}.`}
        error={fieldError("endsAt")}
      >
        <Input type="date" max={latestDay} {...form.register("endsAt")} />
      </FormField>
      <FormField
        id={id("justification")}
        label="Justification"
        required
        className="sm:col-span-2"
        error={fieldError("justification")}
      >
        <Textarea rows={2} {...form.register("justification")} />
      </FormField>
      {formError ? (
        <Alert variant="error" className="sm:col-span-2">
          {formError}
        </Alert>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? "Sending…" : "Send request"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

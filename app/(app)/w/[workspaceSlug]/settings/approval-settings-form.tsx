"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updateApprovalSettingsAction } from "@/lib/actions/approvals";
import { useActionForm } from "@/lib/forms/use-action-form";
import { approvalSettingsSchema, MAX_APPROVAL_MONTHS_LIMIT } from "@/lib/validation/approvals";

/** The longest a risk acceptance, exception or override may be approved for. */
export function ApprovalSettingsForm({
  slug,
  maxApprovalMonths,
}: {
  slug: string;
  maxApprovalMonths: number;
}) {
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: updateApprovalSettingsAction.bind(null, slug),
    schema: approvalSettingsSchema,
    defaultValues: { maxApprovalMonths },
  });
  return (
    <form noValidate className="grid max-w-md gap-4" onSubmit={onSubmit}>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {action.hasSucceeded ? (
        <Alert variant="success" live="polite">
          Saved. New requests may run at most {action.result.data?.maxApprovalMonths} months.
        </Alert>
      ) : null}
      <FormField
        id="maxApprovalMonths"
        label="Longest approval, in months"
        description={`From 1 to ${MAX_APPROVAL_MONTHS_LIMIT}. Requests already made keep their end date.`}
        error={fieldError("maxApprovalMonths")}
        required
      >
        <Input
          type="number"
          min={1}
          max={MAX_APPROVAL_MONTHS_LIMIT}
          step={1}
          {...form.register("maxApprovalMonths")}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}

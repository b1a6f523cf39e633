"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import {
  DutyLossList,
  type DutyLossView,
  lossFromError,
} from "@/components/systems/duty-loss-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { RESPONSIBILITY_META } from "@/components/ui/responsibility-badge";
import { Textarea } from "@/components/ui/textarea";
import { overrideResponsibilityAction } from "@/lib/actions/responsibilities";
import { RESPONSIBILITY_VALUES, type ResponsibilityValue } from "@/lib/domain/responsibility";
import { useActionForm } from "@/lib/forms/use-action-form";
import { overrideResponsibilitySchema } from "@/lib/validation/responsibilities";

/** Changes one domain's value for one system, with a required justification (or removes it). */
export function OverrideDialog({
  slug,
  responsibilityId,
  domainName,
  derivedValue,
  overrideValue,
}: {
  slug: string;
  responsibilityId: string;
  domainName: string;
  derivedValue: ResponsibilityValue;
  overrideValue: ResponsibilityValue | null;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // A value that removes a side answers 409 with the loss; the user confirms exactly that loss,
  // for exactly the request that caused it (kept here, whatever the fields say since).
  const [pending, setPending] = useState<{
    loss: DutyLossView;
    value: ResponsibilityValue | null;
    justification: unknown;
  } | null>(null);
  const override = overrideResponsibilityAction.bind(null, slug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: override,
    schema: overrideResponsibilitySchema,
    defaultValues: { responsibilityId, value: overrideValue ?? derivedValue, justification: "" },
    actionProps: {
      onExecute: () => setPending(null),
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
      onError: ({ error, input }) => {
        const loss = lossFromError(error.serverError);
        if (loss) setPending({ loss, value: input.value, justification: input.justification });
      },
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          action.reset();
          setPending(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Override<span className="sr-only"> the value of {domainName}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            if (!pending) return void onSubmit(event);
            event.preventDefault();
            action.execute({
              responsibilityId,
              value: pending.value,
              justification: pending.justification,
              confirmLoss: pending.loss.hash,
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>Override {domainName}</DialogTitle>
            <DialogDescription>
              The framework gives {RESPONSIBILITY_META[derivedValue].label.toLowerCase()} (
              {derivedValue}). An override changes which duties this system has here; the derived
              value stays visible and the change is recorded in the audit log.
            </DialogDescription>
          </DialogHeader>
          <FormField
            id={`override-${responsibilityId}-value`}
            label="New value"
            error={fieldError("value")}
          >
            <NativeSelect {...form.register("value")}>
              {RESPONSIBILITY_VALUES.map((v) => (
                <option key={v} value={v}>
                  {v} — {RESPONSIBILITY_META[v].label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField
            id={`override-${responsibilityId}-why`}
            label="Justification"
            required
            error={fieldError("justification")}
          >
            <Textarea rows={3} {...form.register("justification")} />
          </FormField>
          {formError && !pending ? <Alert variant="error">{formError}</Alert> : null}
          {pending ? (
            <Alert variant="warning" live="polite" title="Confirm what this removes">
              <DutyLossList loss={pending.loss} domainName={() => domainName} />
            </Alert>
          ) : null}
          <DialogFooter>
            {overrideValue ? (
              <Button
                type="button"
                variant="ghost"
                disabled={isPending}
                onClick={() =>
                  action.execute({ responsibilityId, value: null, justification: null })
                }
              >
                Remove override
              </Button>
            ) : null}
            <Button type="submit" disabled={isPending}>
              {isPending ? "Saving…" : pending ? "Confirm and save" : "Save override"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

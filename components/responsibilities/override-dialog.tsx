"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

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
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";
import { RESPONSIBILITY_VALUES, type ResponsibilityValue } from "@/lib/domain/responsibility";

import { overrideResponsibilityAction } from "@/lib/actions/responsibilities";

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
  const [value, setValue] = useState<ResponsibilityValue>(overrideValue ?? derivedValue);
  const [justification, setJustification] = useState("");
  // A value that removes a side answers 409 with the loss; the user confirms exactly that loss.
  const [pending, setPending] = useState<{
    loss: DutyLossView;
    value: ResponsibilityValue | null;
    justification: string | null;
  } | null>(null);
  // A ref, not state: the error callback must see the request it answers, not a stale render's.
  const lastRequest = useRef<{
    value: ResponsibilityValue | null;
    justification: string | null;
  } | null>(null);
  const { execute, result, isPending, reset } = useAction(
    overrideResponsibilityAction.bind(null, slug),
    {
      onSuccess: () => {
        setPending(null);
        setOpen(false);
        router.refresh();
      },
      onError: ({ error }) => {
        const loss = lossFromError(error.serverError);
        if (loss && lastRequest.current) setPending({ loss, ...lastRequest.current });
      },
    },
  );
  const save = (request: { value: ResponsibilityValue | null; justification: string | null }) => {
    lastRequest.current = request;
    setPending(null);
    execute({ responsibilityId, ...request });
  };
  const errors = resultFieldErrors(result);
  const formError = pending ? undefined : resultFormError(result);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          reset();
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
            event.preventDefault();
            if (pending) {
              execute({
                responsibilityId,
                value: pending.value,
                justification: pending.justification,
                confirmLoss: pending.loss.hash,
              });
            } else {
              save({ value, justification });
            }
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
            error={errors.value}
          >
            <NativeSelect
              value={value}
              onChange={(e) => setValue(e.target.value as ResponsibilityValue)}
            >
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
            error={errors.justification}
          >
            <Textarea
              rows={3}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
            />
          </FormField>
          {formError ? <Alert variant="error">{formError}</Alert> : null}
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
                onClick={() => save({ value: null, justification: null })}
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

"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
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
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { RESPONSIBILITY_META } from "@/components/ui/responsibility-badge";
import { Textarea } from "@/components/ui/textarea";
import { requestApprovalAction } from "@/lib/actions/approvals";
import { overrideResponsibilityAction } from "@/lib/actions/responsibilities";
import { RESPONSIBILITY_VALUES, type ResponsibilityValue } from "@/lib/domain/responsibility";
import { useActionForm } from "@/lib/forms/use-action-form";
import { createApprovalSchema } from "@/lib/validation/approvals";
import type { PickerOption } from "@/lib/view/systems/picker-types";

/**
 * Requests an override of one domain's value for one system: an admin or owner approves it
 * before it applies (the duties follow then). Removing an override needs no approval and is done
 * here too; a removal that drops a side with work asks to confirm exactly that loss.
 */
export function OverrideDialog({
  slug,
  responsibilityId,
  domainName,
  derivedValue,
  overrideValue,
  approvers,
  latestDay,
}: {
  slug: string;
  responsibilityId: string;
  domainName: string;
  derivedValue: ResponsibilityValue;
  overrideValue: ResponsibilityValue | null;
  /** Admins and owners other than the person asking. */
  approvers: PickerOption[];
  latestDay: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [loss, setLoss] = useState<DutyLossView | null>(null);
  const choices = RESPONSIBILITY_VALUES.filter((v) => v !== derivedValue);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: requestApprovalAction.bind(null, slug),
    schema: createApprovalSchema,
    defaultValues: {
      kind: "OVERRIDE",
      responsibilityId,
      proposedValue: overrideValue ?? choices[0],
      approverId: "",
      justification: "",
      endsAt: "",
    },
    actionProps: {
      onSuccess: () => {
        setSent(true);
        router.refresh();
      },
    },
  });
  const remove = useAction(overrideResponsibilityAction.bind(null, slug), {
    onExecute: () => setLoss(null),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
    onError: ({ error }) => setLoss(lossFromError(error.serverError)),
  });
  const id = (name: string) => `override-${responsibilityId}-${name}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          action.reset();
          remove.reset();
          setLoss(null);
          setSent(false);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Override<span className="sr-only"> the value of {domainName}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={onSubmit}>
          <DialogHeader>
            <DialogTitle>Request an override of {domainName}</DialogTitle>
            <DialogDescription>
              The framework gives {RESPONSIBILITY_META[derivedValue].label.toLowerCase()} (
              {derivedValue}). An override changes which duties this system has here. It applies
              once an admin or owner other than you approves it, until its end date; the derived
              value stays visible.
            </DialogDescription>
          </DialogHeader>
          {sent ? (
            <Alert variant="success" live="polite">
              Request sent. The value changes when the approver approves it.
            </Alert>
          ) : null}
          <FormField id={id("value")} label="Proposed value" error={fieldError("proposedValue")}>
            <NativeSelect {...form.register("proposedValue")}>
              {choices.map((v) => (
                <option key={v} value={v}>
                  {v} — {RESPONSIBILITY_META[v].label}
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
            id={id("why")}
            label="Justification"
            required
            error={fieldError("justification")}
          >
            <Textarea rows={3} {...form.register("justification")} />
          </FormField>
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          {remove.result.serverError && !loss ? (
            <Alert variant="error">{remove.result.serverError.message}</Alert>
          ) : null}
          {loss ? (
            <Alert variant="warning" live="polite" title="Confirm what removing it removes">
              <DutyLossList loss={loss} domainName={() => domainName} />
            </Alert>
          ) : null}
          <DialogFooter>
            {overrideValue ? (
              <Button
                type="button"
                variant="ghost"
                disabled={remove.isPending}
                onClick={() =>
                  remove.execute({
                    responsibilityId,
                    value: null,
                    justification: null,
                    confirmLoss: loss?.hash ?? null,
                  })
                }
              >
                {loss ? "Confirm and remove override" : "Remove override"}
              </Button>
            ) : null}
            <Button type="submit" disabled={isPending}>
              {isPending ? "Sending…" : "Send request"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

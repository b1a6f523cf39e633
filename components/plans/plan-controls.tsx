"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
import { Textarea } from "@/components/ui/textarea";
import { closePlanAction, removePlanDutiesAction, updatePlanAction } from "@/lib/actions/plans";
import { resultFormError } from "@/lib/actions/result";
import { useActionForm } from "@/lib/forms/use-action-form";
import {
  closePlanSchema,
  OPEN_PLAN_STATUSES,
  PLAN_STATUS_LABELS,
  updatePlanSchema,
} from "@/lib/validation/plans";
import type { PlanView } from "@/lib/view/plans/types";
import type { PickerOption } from "@/lib/view/systems/picker-types";

/** Edits a plan's title, goal, owner, due date and open status; sends the version it saw. */
export function EditPlanDialog({
  slug,
  plan,
  members,
}: {
  slug: string;
  plan: PlanView;
  members: PickerOption[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const closed = plan.status === "DONE" || plan.status === "CANCELLED";
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: updatePlanAction.bind(null, slug),
    schema: updatePlanSchema,
    defaultValues: {
      planId: plan.id,
      expectedVersion: plan.version,
      title: plan.title,
      goal: plan.goal ?? "",
      ownerId: plan.ownerId ?? "",
      dueDate: plan.dueDate ?? "",
      // A closed plan keeps its status unless the editor reopens it.
      status: closed ? undefined : (plan.status as "OPEN" | "IN_PROGRESS"),
    },
    prepare: (values) => (closed && !values.status ? { ...values, status: undefined } : values),
    actionProps: {
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) action.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">Edit plan</Button>
      </DialogTrigger>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={onSubmit}>
          <DialogHeader>
            <DialogTitle>Edit plan</DialogTitle>
            <DialogDescription>
              {closed
                ? "This plan is closed. Choose a status to reopen it."
                : "A new owner is told that the plan is theirs."}
            </DialogDescription>
          </DialogHeader>
          <FormField id="plan-title" label="Title" required error={fieldError("title")}>
            <Input {...form.register("title")} />
          </FormField>
          <FormField id="plan-goal" label="Goal" error={fieldError("goal")}>
            <Textarea rows={3} {...form.register("goal")} />
          </FormField>
          <FormField id="plan-owner" label="Owner" error={fieldError("ownerId")}>
            <NativeSelect {...form.register("ownerId")}>
              <option value="">Nobody yet</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="plan-due" label="Due date" error={fieldError("dueDate")}>
            <Input type="date" {...form.register("dueDate")} />
          </FormField>
          <FormField id="plan-status" label="Status" error={fieldError("status")}>
            <NativeSelect
              {...form.register("status", {
                setValueAs: (v: string) => (v === "" ? undefined : v),
              })}
            >
              {closed ? <option value="">{PLAN_STATUS_LABELS[plan.status]} (keep)</option> : null}
              {OPEN_PLAN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {closed
                    ? `Reopen as ${PLAN_STATUS_LABELS[status].toLowerCase()}`
                    : PLAN_STATUS_LABELS[status]}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          <DialogFooter>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Saving…" : "Save plan"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Closes a plan by hand, done or cancelled, with the note that says why. */
export function ClosePlanDialog({ slug, planId }: { slug: string; planId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: closePlanAction.bind(null, slug),
    schema: closePlanSchema,
    defaultValues: { planId, status: "DONE", note: "" },
    actionProps: {
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) action.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">Close plan</Button>
      </DialogTrigger>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={onSubmit}>
          <DialogHeader>
            <DialogTitle>Close plan</DialogTitle>
            <DialogDescription>
              A plan closes on its own when every duty is covered. Close it by hand when the work is
              judged finished anyway, or is no longer wanted; say why.
            </DialogDescription>
          </DialogHeader>
          <FormField id="close-status" label="Close as" error={fieldError("status")}>
            <NativeSelect {...form.register("status")}>
              <option value="DONE">{PLAN_STATUS_LABELS.DONE}</option>
              <option value="CANCELLED">{PLAN_STATUS_LABELS.CANCELLED}</option>
            </NativeSelect>
          </FormField>
          <FormField id="close-note" label="Note" required error={fieldError("note")}>
            <Textarea rows={3} {...form.register("note")} />
          </FormField>
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          <DialogFooter>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Closing…" : "Close plan"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Takes one duty out of the plan (the duty itself stays). */
export function RemovePlanDutyButton({
  slug,
  planId,
  dutyId,
  label,
}: {
  slug: string;
  planId: string;
  dutyId: string;
  label: string;
}) {
  const router = useRouter();
  const action = useAction(removePlanDutiesAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const error = resultFormError(action.result);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm">
            Remove<span className="sr-only"> {label} from the plan</span>
          </Button>
        }
        title="Remove this duty from the plan?"
        description={`${label} stays as it is; only the plan no longer counts it.`}
        confirmLabel="Remove from plan"
        onConfirm={() => action.executeAsync({ planId, dutyIds: [dutyId] })}
      />
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}

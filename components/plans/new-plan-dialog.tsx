"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

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
import { Textarea } from "@/components/ui/textarea";
import { createPlanAction } from "@/lib/actions/plans";
import { useActionForm } from "@/lib/forms/use-action-form";
import { createPlanSchema } from "@/lib/validation/plans";
import { planHref } from "@/lib/view/plans/links";
import type { PickerOption } from "@/lib/view/systems/picker-types";

/**
 * "New plan" for a set of duties (the gaps selected in the gap list, a system's gaps, a domain's
 * gaps): title, goal, owner and due date; on success it opens the new plan's page.
 */
export function NewPlanDialog({
  slug,
  dutyIds,
  members,
  defaultTitle = "",
  triggerLabel = "New plan",
  disabled = false,
}: {
  slug: string;
  dutyIds: string[];
  members: PickerOption[];
  defaultTitle?: string;
  triggerLabel?: string;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const create = createPlanAction.bind(null, slug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: create,
    schema: createPlanSchema,
    defaultValues: { title: defaultTitle, goal: "", ownerId: "", dueDate: "", dutyIds },
    prepare: (values) => ({ ...values, dutyIds }),
    actionProps: {
      onSuccess: ({ data }) => {
        setOpen(false);
        if (data) router.push(planHref({ slug, planId: data.id }));
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
        <Button variant="outline" disabled={disabled}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={onSubmit}>
          <DialogHeader>
            <DialogTitle>New action plan</DialogTitle>
            <DialogDescription>
              {dutyIds.length === 1
                ? "The plan addresses 1 duty."
                : `The plan addresses ${dutyIds.length} duties.`}{" "}
              It is done when every one of them is covered, or when you close it with a note.
            </DialogDescription>
          </DialogHeader>
          <FormField id="new-plan-title" label="Title" required error={fieldError("title")}>
            <Input {...form.register("title")} />
          </FormField>
          <FormField id="new-plan-goal" label="Goal" error={fieldError("goal")}>
            <Textarea rows={3} {...form.register("goal")} />
          </FormField>
          <FormField id="new-plan-owner" label="Owner" error={fieldError("ownerId")}>
            <NativeSelect {...form.register("ownerId")}>
              <option value="">Nobody yet</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="new-plan-due" label="Due date" error={fieldError("dueDate")}>
            <Input type="date" {...form.register("dueDate")} />
          </FormField>
          {fieldError("dutyIds") ? <Alert variant="error">{fieldError("dutyIds")}</Alert> : null}
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          <DialogFooter>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Creating…" : "Create plan"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

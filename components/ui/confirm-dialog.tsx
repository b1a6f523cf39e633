"use client";

import { type ReactElement, type ReactNode, useState, useTransition } from "react";

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

export type ConfirmDialogProps = {
  /** The element that opens the dialog, e.g. `<Button variant="destructive">Delete</Button>`. */
  trigger: ReactElement;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: string;
  pendingLabel?: string;
  cancelLabel?: string;
  /** Styles the confirm button as destructive (default true). */
  destructive?: boolean;
  /**
   * A server action (or any form action). It receives a FormData holding `fields` as hidden inputs.
   * A redirect inside it navigates as usual; otherwise the dialog closes when it finishes.
   */
  action?: (formData: FormData) => void | Promise<void>;
  /** Hidden inputs posted with `action`, e.g. `{ id: system.id }`. */
  fields?: Record<string, string>;
  /** Alternative to `action` for client-side handlers. */
  onConfirm?: () => void | Promise<unknown>;
};

/**
 * Confirmation step for destructive or irreversible actions (delete, revoke, archive).
 * The confirm button is a real submit button inside the dialog, not AlertDialog.Action: Action
 * closes (unmounts) the dialog on click, which would cancel the form submission.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel = "Confirm",
  pendingLabel = "Working…",
  cancelLabel = "Cancel",
  destructive = true,
  action,
  fields,
  onConfirm,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function confirm(formData: FormData) {
    startTransition(async () => {
      if (action) await action(formData);
      else if (onConfirm) await onConfirm();
      setOpen(false);
    });
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <form action={confirm} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            {description ? <AlertDialogDescription>{description}</AlertDialogDescription> : null}
          </AlertDialogHeader>
          {Object.entries(fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>{cancelLabel}</AlertDialogCancel>
            <Button
              type="submit"
              variant={destructive ? "destructive" : "default"}
              disabled={pending}
            >
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}

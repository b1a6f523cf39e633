"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type BaseSyntheticEvent, type ReactNode, useState } from "react";

import {
  DutyLossList,
  type DutyLossView,
  lossFromError,
} from "@/components/systems/duty-loss-list";
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
import { Textarea } from "@/components/ui/textarea";
import {
  approveApprovalAction,
  cancelApprovalAction,
  rejectApprovalAction,
} from "@/lib/actions/approvals";
import { useActionForm } from "@/lib/forms/use-action-form";
import { approveApprovalSchema, rejectApprovalSchema } from "@/lib/validation/approvals";

/**
 * Approve or reject one pending request, each in a dialog that is its confirmation: approving
 * takes an optional comment, rejecting needs one. An override that removes a side with work asks
 * once more with the loss described.
 */
export function ApprovalDecision({
  slug,
  approvalId,
  label,
}: {
  slug: string;
  approvalId: string;
  /** What the request is about, for the dialog and for screen readers. */
  label: string;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <DecisionDialog slug={slug} approvalId={approvalId} label={label} mode="approve" />
      <DecisionDialog slug={slug} approvalId={approvalId} label={label} mode="reject" />
    </div>
  );
}

type DecisionProps = {
  slug: string;
  approvalId: string;
  label: string;
  mode: "approve" | "reject";
};

function DecisionDialog(props: DecisionProps) {
  return props.mode === "approve" ? <ApproveDialog {...props} /> : <RejectDialog {...props} />;
}

function ApproveDialog({ slug, approvalId, label }: DecisionProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [loss, setLoss] = useState<DutyLossView | null>(null);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: approveApprovalAction.bind(null, slug),
    schema: approveApprovalSchema,
    defaultValues: { approvalId, comment: "" },
    prepare: (values) => (loss ? { ...values, confirmLoss: loss.hash } : values),
    actionProps: {
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
      onError: ({ error }) => setLoss(lossFromError(error.serverError) ?? null),
    },
  });
  return (
    <DecisionShell
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          action.reset();
          setLoss(null);
        }
      }}
      approve
      label={label}
      onSubmit={onSubmit}
      isPending={isPending}
      submitLabel={loss ? "Confirm and approve" : "Approve"}
      message={
        loss ? (
          <Alert variant="warning" live="polite" title="Confirm what this removes">
            <DutyLossList loss={loss} />
          </Alert>
        ) : formError ? (
          <Alert variant="error">{formError}</Alert>
        ) : null
      }
    >
      <FormField
        id={`decision-${approvalId}-approve-comment`}
        label="Comment (optional)"
        error={fieldError("comment")}
      >
        <Textarea rows={3} {...form.register("comment")} />
      </FormField>
    </DecisionShell>
  );
}

function RejectDialog({ slug, approvalId, label }: DecisionProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: rejectApprovalAction.bind(null, slug),
    schema: rejectApprovalSchema,
    defaultValues: { approvalId, comment: "" },
    actionProps: {
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    },
  });
  return (
    <DecisionShell
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) action.reset();
      }}
      approve={false}
      label={label}
      onSubmit={onSubmit}
      isPending={isPending}
      submitLabel="Reject"
      message={formError ? <Alert variant="error">{formError}</Alert> : null}
    >
      <FormField
        id={`decision-${approvalId}-reject-comment`}
        label="Why you reject it"
        required
        error={fieldError("comment")}
      >
        <Textarea rows={3} {...form.register("comment")} />
      </FormField>
    </DecisionShell>
  );
}

function DecisionShell({
  open,
  onOpenChange,
  approve,
  label,
  onSubmit,
  isPending,
  submitLabel,
  message,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  approve: boolean;
  label: string;
  onSubmit: (event?: BaseSyntheticEvent) => unknown;
  isPending: boolean;
  submitLabel: string;
  message: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" variant={approve ? "default" : "outline"}>
          {approve ? "Approve" : "Reject"}
          <span className="sr-only"> {label}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={(event) => void onSubmit(event)}>
          <DialogHeader>
            <DialogTitle>{approve ? "Approve" : "Reject"} this request?</DialogTitle>
            <DialogDescription>
              {label}.{" "}
              {approve
                ? "The duty changes now and counts as covered until the end date; you are recorded as its approver."
                : "The duty stays as it is; the requester is told why."}
            </DialogDescription>
          </DialogHeader>
          {children}
          {message}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={approve ? "default" : "destructive"}
              disabled={isPending}
            >
              {isPending ? "Saving…" : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The requester (or an admin) withdraws a pending request, after a confirmation. */
export function CancelApprovalButton({
  slug,
  approvalId,
  label,
}: {
  slug: string;
  approvalId: string;
  label: string;
}) {
  const router = useRouter();
  const cancel = useAction(cancelApprovalAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="ghost">
            Cancel request<span className="sr-only"> {label}</span>
          </Button>
        }
        title="Cancel this request?"
        description="The approver will no longer see it. The duty stays as it is."
        confirmLabel="Cancel request"
        cancelLabel="Keep it"
        onConfirm={() => cancel.executeAsync({ approvalId })}
      />
      {cancel.result.serverError ? (
        <Alert variant="error">{cancel.result.serverError.message}</Alert>
      ) : null}
    </>
  );
}

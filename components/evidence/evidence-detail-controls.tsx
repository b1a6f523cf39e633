"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import {
  deleteEvidenceAction,
  purgeEvidenceAction,
  reviewEvidenceAction,
  unlinkEvidenceAction,
} from "@/lib/actions/evidence";
import { resultFormError } from "@/lib/actions/result";
import { useActionForm } from "@/lib/forms/use-action-form";
import { reviewEvidenceInputSchema } from "@/lib/validation/evidence";

type ItemProps = { workspaceSlug: string; evidenceId: string; title: string };

/** Accept or reject (ADMIN and above). A rejection needs a comment so the uploader can fix it. */
export function ReviewEvidenceForm({ workspaceSlug, evidenceId }: Omit<ItemProps, "title">) {
  const router = useRouter();
  const reviewEvidence = reviewEvidenceAction.bind(null, workspaceSlug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: reviewEvidence,
    schema: reviewEvidenceInputSchema,
    defaultValues: { evidenceId, status: "ACCEPTED", comment: "" },
    actionProps: { onSuccess: () => router.refresh() },
    resetOnSuccess: true,
  });
  const commentError = fieldError("comment");
  // Each button submits the form with its own verdict.
  const verdict = (status: "ACCEPTED" | "REJECTED") => () => form.setValue("status", status);
  return (
    <form noValidate className="grid gap-3" onSubmit={onSubmit} aria-label="Review">
      <FormField
        id="review-comment"
        label="Review comment"
        description="Required when rejecting: say what is missing or wrong."
        error={commentError}
      >
        <Textarea rows={2} maxLength={2000} {...form.register("comment")} />
      </FormField>
      {formError && !commentError ? <Alert variant="error">{formError}</Alert> : null}
      {action.result.data ? (
        <p role="status" className="text-sm">
          Review saved.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isPending} onClick={verdict("ACCEPTED")}>
          Accept
        </Button>
        <Button
          type="submit"
          variant="destructive"
          disabled={isPending}
          onClick={verdict("REJECTED")}
        >
          Reject
        </Button>
      </div>
    </form>
  );
}

export function DeleteEvidenceButton({ workspaceSlug, evidenceId, title }: ItemProps) {
  const router = useRouter();
  const action = useAction(deleteEvidenceAction.bind(null, workspaceSlug), {
    onSuccess: () => router.refresh(),
  });
  const error = resultFormError(action.result);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="outline">
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        }
        title={`Delete “${title}”?`}
        description="It leaves the library and stops counting as evidence for its duties. An administrator can still see it, and only a purge removes its file for good."
        confirmLabel="Delete evidence"
        onConfirm={() => action.executeAsync({ evidenceId })}
      />
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function PurgeEvidenceButton({ workspaceSlug, evidenceId, title }: ItemProps) {
  const router = useRouter();
  const action = useAction(purgeEvidenceAction.bind(null, workspaceSlug), {
    onSuccess: () => router.refresh(),
  });
  const error = resultFormError(action.result);
  return (
    <>
      <ConfirmDialog
        trigger={<Button variant="destructive">Purge permanently</Button>}
        title={`Purge “${title}” permanently?`}
        description="This is permanent and cannot be undone: the stored file, note text and address are erased. Only the record that it existed (name, size, SHA-256) stays for the audit log."
        confirmLabel="Purge permanently"
        onConfirm={() => action.executeAsync({ evidenceId })}
      />
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function UnlinkEvidenceButton({
  workspaceSlug,
  evidenceId,
  dutyId,
  dutyLabel,
}: {
  workspaceSlug: string;
  evidenceId: string;
  dutyId: string;
  dutyLabel: string;
}) {
  const router = useRouter();
  const action = useAction(unlinkEvidenceAction.bind(null, workspaceSlug), {
    onSuccess: () => router.refresh(),
  });
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="ghost">
          Unlink<span className="sr-only"> from {dutyLabel}</span>
        </Button>
      }
      title="Unlink this evidence?"
      description={`It will no longer count for ${dutyLabel}. The evidence itself stays in the library.`}
      confirmLabel="Unlink"
      onConfirm={() => action.executeAsync({ evidenceId, dutyId })}
    />
  );
}

"use client";

import { Trash2 } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

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
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";

type ItemProps = { workspaceSlug: string; evidenceId: string; title: string };

/** Accept or reject (ADMIN and above). A rejection needs a comment so the uploader can fix it. */
export function ReviewEvidenceForm({ workspaceSlug, evidenceId }: Omit<ItemProps, "title">) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const { execute, result, isPending } = useAction(reviewEvidenceAction.bind(null, workspaceSlug), {
    onSuccess: () => {
      setComment("");
      router.refresh();
    },
  });
  const errors = resultFieldErrors(result);
  const formError = resultFormError(result);
  const review = (status: "ACCEPTED" | "REJECTED") =>
    execute({ evidenceId, status, comment: comment || undefined });
  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={(e) => e.preventDefault()}
      aria-label="Review"
    >
      <FormField
        id="review-comment"
        label="Review comment"
        description="Required when rejecting: say what is missing or wrong."
        error={errors.comment}
      >
        <Textarea
          rows={2}
          value={comment}
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
        />
      </FormField>
      {formError && !errors.comment ? <Alert variant="error">{formError}</Alert> : null}
      {result.data ? (
        <p role="status" className="text-sm">
          Review saved.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={isPending} onClick={() => review("ACCEPTED")}>
          Accept
        </Button>
        <Button
          type="button"
          variant="destructive"
          disabled={isPending}
          onClick={() => review("REJECTED")}
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
  partId,
  partLabel,
}: {
  workspaceSlug: string;
  evidenceId: string;
  partId: string;
  partLabel: string;
}) {
  const router = useRouter();
  const action = useAction(unlinkEvidenceAction.bind(null, workspaceSlug), {
    onSuccess: () => router.refresh(),
  });
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="ghost">
          Unlink<span className="sr-only"> from {partLabel}</span>
        </Button>
      }
      title="Unlink this evidence?"
      description={`It will no longer count for ${partLabel}. The evidence itself stays in the library.`}
      confirmLabel="Unlink"
      onConfirm={() => action.executeAsync({ evidenceId, partId })}
    />
  );
}

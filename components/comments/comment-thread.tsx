"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import {
  createCommentAction,
  deleteCommentAction,
  updateCommentAction,
} from "@/lib/actions/comments";
import { resultFormError } from "@/lib/actions/result";
import { useActionForm } from "@/lib/forms/use-action-form";
import { COMMENT_BODY_MAX, createCommentSchema, updateCommentSchema } from "@/lib/validation/plans";
import type { CommentView } from "@/lib/view/plans/comments";

type Target = { dutyId: string } | { planId: string };

/**
 * A discussion thread (a duty's or a plan's): oldest first, then a box to write. Authors edit or
 * delete their own comments; an OWNER or ADMIN may delete anyone's. `@name` mentions notify.
 */
export function CommentThread({
  slug,
  target,
  comments,
  currentUserId,
  canComment,
  canModerate,
  label,
}: {
  slug: string;
  target: Target;
  comments: CommentView[];
  currentUserId: string;
  canComment: boolean;
  canModerate: boolean;
  /** What the thread is about, for screen readers ("Your part of Data governance"). */
  label: string;
}) {
  const idBase = "dutyId" in target ? `duty-${target.dutyId}` : `plan-${target.planId}`;
  return (
    <section aria-label={`Comments on ${label}`} className="grid gap-3">
      {comments.length === 0 ? (
        <p className="text-sm text-muted-foreground">No comments yet.</p>
      ) : (
        <ol className="grid gap-2">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-md border bg-background p-3 text-sm">
              <CommentItem
                slug={slug}
                comment={comment}
                mine={comment.authorId === currentUserId}
                canComment={canComment}
                canModerate={canModerate}
              />
            </li>
          ))}
        </ol>
      )}
      {canComment ? <NewComment slug={slug} target={target} idBase={idBase} /> : null}
    </section>
  );
}

function NewComment({ slug, target, idBase }: { slug: string; target: Target; idBase: string }) {
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: createCommentAction.bind(null, slug),
    schema: createCommentSchema,
    defaultValues: { ...target, body: "" },
    actionProps: {
      onSuccess: () => {
        form.reset({ ...target, body: "" });
        router.refresh();
      },
    },
  });
  return (
    <form noValidate className="grid gap-2" onSubmit={onSubmit}>
      <FormField
        id={`${idBase}-new-comment`}
        label="Add a comment"
        description={`Plain text or Markdown, at most ${COMMENT_BODY_MAX} characters. Mention a member with @ and their e-mail name (the part before @), their full name without spaces, or their first name.`}
        error={fieldError("body")}
      >
        <Textarea rows={3} {...form.register("body")} />
      </FormField>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <div>
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? "Posting…" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}

function CommentItem({
  slug,
  comment,
  mine,
  canComment,
  canModerate,
}: {
  slug: string;
  comment: CommentView;
  mine: boolean;
  canComment: boolean;
  canModerate: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const remove = useAction(deleteCommentAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const removeError = resultFormError(remove.result);
  const when = new Date(comment.createdAt).toISOString().replace("T", " ").slice(0, 16);
  if (comment.deletedAt)
    return <p className="text-muted-foreground italic">This comment was deleted.</p>;
  return (
    <div className="grid gap-1">
      <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
        <span className="font-medium text-foreground">
          {comment.authorName ?? "A former member"}
        </span>
        <time dateTime={comment.createdAt}>{when} UTC</time>
        {comment.editedAt ? <span>(edited)</span> : null}
      </p>
      {editing ? (
        <EditComment slug={slug} comment={comment} onDone={() => setEditing(false)} />
      ) : (
        <div
          className="grid gap-2 break-words [&_a]:font-medium [&_a]:text-primary [&_a]:underline [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_ol]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-muted [&_pre]:p-2 [&_ul]:ml-5 [&_ul]:list-disc"
          // Rendered on the server by renderMarkdown, which escapes raw HTML and unsafe links.
          dangerouslySetInnerHTML={{ __html: comment.bodyHtml ?? "" }}
        />
      )}
      {!editing && canComment && (mine || canModerate) ? (
        <div className="flex gap-2">
          {mine ? (
            <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
              Edit<span className="sr-only"> your comment</span>
            </Button>
          ) : null}
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm">
                Delete<span className="sr-only"> the comment by {comment.authorName}</span>
              </Button>
            }
            title="Delete this comment?"
            description="Its text is no longer shown; the thread shows that a comment was deleted, and the audit log keeps who deleted it."
            confirmLabel="Delete comment"
            onConfirm={() => remove.executeAsync({ commentId: comment.id })}
          />
        </div>
      ) : null}
      {removeError ? (
        <p role="alert" className="text-sm text-destructive">
          {removeError}
        </p>
      ) : null}
    </div>
  );
}

function EditComment({
  slug,
  comment,
  onDone,
}: {
  slug: string;
  comment: CommentView;
  onDone: () => void;
}) {
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: updateCommentAction.bind(null, slug),
    schema: updateCommentSchema,
    defaultValues: { commentId: comment.id, body: comment.body ?? "" },
    actionProps: {
      onSuccess: () => {
        onDone();
        router.refresh();
      },
    },
  });
  return (
    <form noValidate className="grid gap-2" onSubmit={onSubmit}>
      <FormField id={`comment-${comment.id}-edit`} label="Edit comment" error={fieldError("body")}>
        <Textarea rows={3} {...form.register("body")} />
      </FormField>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isPending}>
          Save
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

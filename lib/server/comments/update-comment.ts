import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadCommentTarget } from "@/lib/server/comments/comment-target";
import { notifyMentions } from "@/lib/server/comments/notify-mentions";
import type { UpdateCommentInput } from "@/lib/validation/plans";

/** Edits a comment: its author only, and not once deleted. People newly mentioned are told. */
export async function updateComment({
  workspaceId,
  actor,
  userId,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  userId: string;
  input: UpdateCommentInput;
}) {
  return workspaceTransaction(workspaceId, "updateComment", async (tx) => {
    const comment = await tx.comment.findFirst({
      where: { id: input.commentId, workspaceId, deletedAt: null },
    });
    if (!comment) throw new NotFoundError("Comment not found.");
    if (comment.authorId !== userId)
      throw new ForbiddenError("Only the author of a comment can edit it.");
    if (comment.body === input.body) return { id: comment.id, changed: false };
    const editedAt = new Date();
    await tx.comment.update({
      where: { id: comment.id },
      data: { body: input.body, editedAt },
    });
    const target = await loadCommentTarget(tx, { workspaceId, target: comment });
    const author = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
    const mentioned = await notifyMentions(tx, {
      workspaceId,
      commentId: comment.id,
      authorId: userId,
      authorName: author?.name ?? "Someone",
      body: input.body,
      target,
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "comment.update",
      entityType: "Comment",
      entityId: comment.id,
      diff: { body: { from: comment.body, to: input.body }, mentioned },
    });
    return { id: comment.id, changed: true, editedAt };
  });
}

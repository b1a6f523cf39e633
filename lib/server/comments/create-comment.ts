import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadCommentTarget } from "@/lib/server/comments/comment-target";
import { notifyMentions } from "@/lib/server/comments/notify-mentions";
import type { CreateCommentInput } from "@/lib/validation/plans";

/**
 * Adds a comment to a duty part's or a plan's thread, audited, and tells the members it
 * mentions, all in one transaction. The author is a person: a member, or a token's creator.
 */
export async function createComment({
  workspaceId,
  actor,
  authorId,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  authorId: string;
  input: CreateCommentInput;
}) {
  return workspaceTransaction(workspaceId, "createComment", async (tx) => {
    const target = await loadCommentTarget(tx, { workspaceId, target: input });
    const author = await tx.membership.findFirst({
      where: { workspaceId, userId: authorId, deactivatedAt: null },
      select: { user: { select: { name: true } } },
    });
    if (!author) throw ValidationError.forField("authorId", "Only a member can comment.");
    const comment = await tx.comment.create({
      data: {
        workspaceId,
        dutyId: input.dutyId ?? null,
        planId: input.planId ?? null,
        authorId,
        body: input.body,
      },
    });
    const mentioned = await notifyMentions(tx, {
      workspaceId,
      commentId: comment.id,
      authorId,
      authorName: author.user.name,
      body: comment.body,
      target,
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "comment.create",
      entityType: "Comment",
      entityId: comment.id,
      diff: {
        on: { type: target.entityType, id: target.entityId },
        body: { to: comment.body },
        mentioned,
      },
    });
    return { id: comment.id, createdAt: comment.createdAt, mentioned };
  });
}

import "server-only";

import { can } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Deletes a comment softly: the thread shows that a comment was deleted, its text is no longer
 * shown or exported, and the audit event keeps who deleted it. Its author may; an OWNER or ADMIN
 * (comment.deleteAny) may delete anyone's, for moderation.
 */
export async function deleteComment({
  workspaceId,
  actor,
  userId,
  role,
  commentId,
}: {
  workspaceId: string;
  actor: AuditActor;
  userId: string;
  role: string;
  commentId: string;
}) {
  return workspaceTransaction(workspaceId, "deleteComment", async (tx) => {
    const comment = await tx.comment.findFirst({
      where: { id: commentId, workspaceId, deletedAt: null },
    });
    if (!comment) throw new NotFoundError("Comment not found.");
    if (comment.authorId !== userId && !can(role, "comment.deleteAny"))
      throw new ForbiddenError("Only the author of a comment, an owner or an admin can delete it.");
    const deletedAt = new Date();
    await tx.comment.update({
      where: { id: comment.id },
      data: { deletedAt, deletedById: userId },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "comment.delete",
      entityType: "Comment",
      entityId: comment.id,
      diff: { authorId: comment.authorId, deletedAt: { to: deletedAt.toISOString() } },
    });
    return { id: comment.id, deletedAt };
  });
}

import "server-only";

import { resolveMentions } from "@/lib/domain/mentions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordNotifications } from "@/lib/server/notifications/record-notifications";

/**
 * Tells every active member a comment mentions (lib/domain/mentions.ts), except its author.
 * One notification per comment and person ("comment.mention:<commentId>:<userId>"): editing a
 * comment tells only people it newly mentions.
 */
export async function notifyMentions(
  tx: Prisma.TransactionClient,
  input: {
    workspaceId: string;
    commentId: string;
    authorId: string | null;
    authorName: string;
    body: string;
    target: { label: string; link: string };
  },
): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { workspaceId: input.workspaceId, deactivatedAt: null, user: { active: true } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const mentioned = resolveMentions(
    input.body,
    members.map((member) => member.user),
  ).filter((userId) => userId !== input.authorId);
  const excerpt = input.body.length > 280 ? `${input.body.slice(0, 279)}…` : input.body;
  await recordNotifications(
    tx,
    input.workspaceId,
    mentioned.map((userId) => ({
      userId,
      category: "MENTION" as const,
      event: "comment.mention",
      dedupeKey: `comment.mention:${input.commentId}:${userId}`,
      title: `${input.authorName} mentioned you on ${input.target.label}`,
      body: excerpt,
      link: input.target.link,
      entityType: "Comment",
      entityId: input.commentId,
    })),
  );
  return mentioned;
}

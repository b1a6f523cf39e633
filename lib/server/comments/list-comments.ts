import "server-only";

import { db } from "@/lib/db/client";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { CommentView } from "@/lib/view/plans/comments";

/**
 * A thread, oldest first: the comments of one duty part or one plan of this workspace. Authors are
 * named only when they are members of this workspace.
 */
export async function listComments(input: {
  workspaceId: string;
  dutyId?: string;
  planId?: string;
}): Promise<CommentView[]> {
  return listThreads({ ...input, dutyIds: input.dutyId ? [input.dutyId] : undefined }).then(
    (threads) => threads.get(input.dutyId ?? input.planId ?? "") ?? [],
  );
}

/** Threads of several parts (a system page) or one plan, keyed by part or plan id. */
export async function listThreads(input: {
  workspaceId: string;
  dutyIds?: readonly string[];
  planId?: string;
}): Promise<Map<string, CommentView[]>> {
  const comments = await db.comment.findMany({
    where: {
      workspaceId: input.workspaceId,
      ...(input.dutyIds ? { dutyId: { in: [...input.dutyIds] } } : { planId: input.planId }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const authorIds = [...new Set(comments.flatMap((c) => (c.authorId ? [c.authorId] : [])))];
  const members = await db.membership.findMany({
    where: { workspaceId: input.workspaceId, userId: { in: authorIds } },
    select: { user: { select: { id: true, name: true } } },
  });
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  const threads = new Map<string, CommentView[]>();
  for (const comment of comments) {
    const key = comment.dutyId ?? comment.planId ?? "";
    const list = threads.get(key) ?? [];
    list.push({
      id: comment.id,
      authorId: comment.authorId,
      authorName: comment.authorId ? (names.get(comment.authorId) ?? null) : null,
      body: comment.deletedAt ? null : comment.body,
      bodyHtml: comment.deletedAt ? null : renderMarkdown(comment.body),
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      deletedAt: comment.deletedAt?.toISOString() ?? null,
    });
    threads.set(key, list);
  }
  return threads;
}

import "server-only";

import type { NotificationCategory, Prisma } from "@/lib/generated/prisma/client";
import { nudgeNotificationEmails } from "@/lib/server/notifications/nudge-notification-emails";

/** One thing to tell one person. `dedupeKey` names the event: the same key never reaches a
 * person twice, however often the writer runs (a retried job, two processes, a double click). */
export type NotificationInput = {
  userId: string;
  category: NotificationCategory;
  event: string;
  dedupeKey: string;
  title: string;
  body?: string | null;
  /** The object's page inside the app: a path starting with `/w/<slug>/`. */
  link: string;
  entityType?: string | null;
  entityId?: string | null;
};

/**
 * Adds notifications to their recipients' inboxes inside the caller's transaction, so a
 * notification exists exactly when the change that caused it does. Only active members of the
 * workspace receive anything: a recipient who is not one (removed, deactivated, or of another
 * workspace) is skipped, never an error. Returns how many rows were new.
 */
export async function recordNotifications(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  items: readonly NotificationInput[],
): Promise<number> {
  if (items.length === 0) return 0;
  for (const item of items) {
    if (!item.link.startsWith("/w/"))
      throw new Error(`A notification's link must be a workspace path, got "${item.link}".`);
  }
  const members = await tx.membership.findMany({
    where: {
      workspaceId,
      userId: { in: [...new Set(items.map((item) => item.userId))] },
      deactivatedAt: null,
      user: { active: true },
    },
    select: { userId: true },
  });
  const allowed = new Set(members.map((member) => member.userId));
  const rows = items
    .filter((item) => allowed.has(item.userId))
    .map((item) => ({
      workspaceId,
      userId: item.userId,
      category: item.category,
      event: item.event,
      dedupeKey: item.dedupeKey,
      title: item.title,
      body: item.body ?? null,
      link: item.link,
      entityType: item.entityType ?? null,
      entityId: item.entityId ?? null,
    }));
  if (rows.length === 0) return 0;
  const created = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  // E-mail of new rows goes out within seconds rather than at the next scheduled run.
  if (created.count > 0) nudgeNotificationEmails();
  return created.count;
}

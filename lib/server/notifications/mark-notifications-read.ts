import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { toNotificationView } from "@/lib/server/notifications/list-notifications";
import type { NotificationView } from "@/lib/view/notifications/inbox";

/*
 * Reading a notification changes only its reader's own inbox, never workspace data, so these
 * writes are neither audited nor serialised on the workspace row: a plain conditional update by
 * workspace, person and id. Marking twice keeps the first time.
 */

/** Marks one of the person's notifications read; another person's or workspace's answers 404. */
export async function markNotificationRead({
  workspaceId,
  userId,
  notificationId,
  now = new Date(),
}: {
  workspaceId: string;
  userId: string;
  notificationId: string;
  now?: Date;
}): Promise<NotificationView> {
  const where = { id: notificationId, workspaceId, userId };
  await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: now } });
  const row = await db.notification.findFirst({ where });
  if (!row) throw new NotFoundError("Notification not found.");
  return toNotificationView(row);
}

/** Marks all of the person's unread notifications of this workspace read; returns how many. */
export async function markAllNotificationsRead({
  workspaceId,
  userId,
  now = new Date(),
}: {
  workspaceId: string;
  userId: string;
  now?: Date;
}): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { workspaceId, userId, readAt: null },
    data: { readAt: now },
  });
  return { marked: count };
}

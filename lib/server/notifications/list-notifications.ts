import "server-only";

import { db } from "@/lib/db/client";
import type { Notification } from "@/lib/generated/prisma/client";
import type { NotificationPage, NotificationView } from "@/lib/view/notifications/inbox";

export function toNotificationView(row: Notification): NotificationView {
  return {
    id: row.id,
    category: row.category,
    event: row.event,
    title: row.title,
    body: row.body,
    link: row.link,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * One person's inbox in one workspace, newest first, a page at a time. Both ids are in the where:
 * a person never sees another person's notifications, nor their own from another workspace.
 */
export async function listNotifications({
  workspaceId,
  userId,
  page = 1,
  pageSize = 25,
  unreadOnly = false,
}: {
  workspaceId: string;
  userId: string;
  page?: number;
  pageSize?: number;
  unreadOnly?: boolean;
}): Promise<NotificationPage> {
  const where = { workspaceId, userId, ...(unreadOnly ? { readAt: null } : {}) };
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.notification.count({ where }),
    countUnreadNotifications({ workspaceId, userId }),
  ]);
  return { notifications: rows.map(toNotificationView), total, unread, page, pageSize };
}

/** The bell's number: this person's unread notifications of this workspace. */
export async function countUnreadNotifications({
  workspaceId,
  userId,
}: {
  workspaceId: string;
  userId: string;
}): Promise<number> {
  return db.notification.count({ where: { workspaceId, userId, readAt: null } });
}

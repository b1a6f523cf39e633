import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { notificationIdSchema, notificationListQuerySchema } from "@/lib/validation/notifications";

export const notificationSchema = z
  .object({
    id: z.string(),
    category: z
      .string()
      .describe(
        "ASSIGNMENT, APPROVAL, MENTION, DUE, EVIDENCE_EXPIRY, ATTESTATION_EXPIRY or EXPORT_READY",
      ),
    event: z.string().describe('what happened, e.g. "duty.assigned" or "evidence.expiring"'),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().describe("the object's page in the app, a path starting with /w/<slug>/"),
    read: z.boolean(),
    createdAt: z.string().describe("ISO 8601"),
  })
  .meta({ id: "Notification" });

const PERSON =
  "The notifications are those of the token's creator (the member the token acts for) in the token's workspace; " +
  "nobody else's, and none of another workspace.";

export const listNotificationsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/notifications",
  tag: "Notifications",
  summary: "List your notifications",
  description: `${PERSON} Newest first; page, pageSize (default 25, at most 100); unread=true for unread ones only. \`unread\` in the answer counts all unread ones.`,
  permission: "notification.read",
  query: notificationListQuerySchema,
  response: z
    .object({
      notifications: z.array(notificationSchema),
      total: z.number().int(),
      unread: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .meta({ id: "NotificationList" }),
});

export const markNotificationReadSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/notifications/{notificationId}/read",
  tag: "Notifications",
  summary: "Mark one of your notifications read",
  description: `${PERSON} Marking a read notification again keeps its first reading. Another person's notification answers 404.`,
  permission: "notification.read",
  params: notificationIdSchema,
  response: notificationSchema,
});

export const markAllNotificationsReadSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/notifications/read-all",
  tag: "Notifications",
  summary: "Mark all your notifications read",
  description: `${PERSON} Answers how many were unread.`,
  permission: "notification.read",
  response: z.object({ marked: z.number().int() }).meta({ id: "NotificationsMarked" }),
});

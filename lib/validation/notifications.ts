import { z } from "zod";

import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_DELIVERIES,
} from "@/lib/view/notifications/preferences";

export const notificationListQuerySchema = z.object({
  page: z.coerce
    .number({ error: "Enter a page number." })
    .int({ error: "Enter a whole page number." })
    .min(1, { error: "Pages start at 1." })
    .max(10_000, { error: "Use at most page 10000." })
    .default(1),
  pageSize: z.coerce
    .number({ error: "Enter a number." })
    .int({ error: "Enter a whole number." })
    .min(1, { error: "Use at least 1." })
    .max(100, { error: "Use at most 100." })
    .default(25),
  unread: z
    .enum(["true", "false"], { error: 'Use "true" or "false".' })
    .transform((value) => value === "true")
    .optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationIdSchema = z.object({
  notificationId: z.string().min(1, { error: "Name the notification." }).max(64),
});

const delivery = z.enum(NOTIFICATION_DELIVERIES, {
  error: 'Choose "IMMEDIATE", "DIGEST" or "OFF".',
});

/** Every category's delivery; the form always sends all of them. */
export const notificationPreferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_CATEGORIES.map((category) => [category, delivery])) as Record<
    (typeof NOTIFICATION_CATEGORIES)[number],
    typeof delivery
  >,
);
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

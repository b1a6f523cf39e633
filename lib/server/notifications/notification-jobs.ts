import "server-only";

import { z } from "zod";

import { env } from "@/lib/env";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { SEND_NOTIFICATION_EMAILS } from "@/lib/server/notifications/nudge-notification-emails";
import { scanReminders } from "@/lib/server/notifications/scan-reminders";
import {
  sendImmediateNotificationEmails,
  sendNotificationDigests,
} from "@/lib/server/notifications/send-notification-emails";

// Short, frequent runs: a retry or a second worker is harmless (each row is claimed once), and a
// run that fails is superseded by the next scheduled one anyway.
const EMAIL_POLICY = {
  ...DEFAULT_POLICY,
  retries: 2,
  retryDelaySeconds: 10,
  retryDelayMaxSeconds: 60,
  timeoutSeconds: 5 * 60,
  keepFinishedSeconds: 24 * 60 * 60,
};

/**
 * Every NOTIFICATION_EMAIL_CRON (each minute) and shortly after new notifications are recorded:
 * one e-mail per unsent notification whose person wants that category at once.
 */
export const sendNotificationEmailsJob = defineJobKind({
  name: SEND_NOTIFICATION_EMAILS,
  label: "Notification e-mails",
  payload: z.object({}),
  policy: EMAIL_POLICY,
  schedule: { cron: () => env().NOTIFICATION_EMAIL_CRON, payload: {}, missed: "skip" },
  handle: async (_payload, { log, signal }) => {
    const run = await sendImmediateNotificationEmails({ signal });
    if (run.claimed > 0) log.info(run, "notification e-mails sent");
  },
});

/** Daily (NOTIFICATION_DIGEST_CRON): one e-mail per person and workspace with their digest items. */
export const notificationDigestJob = defineJobKind({
  name: "notification-digest",
  label: "Daily notification digest",
  payload: z.object({}),
  policy: { ...EMAIL_POLICY, timeoutSeconds: 30 * 60 },
  schedule: { cron: () => env().NOTIFICATION_DIGEST_CRON, payload: {}, missed: "once" },
  handle: async (_payload, { log, signal }) => {
    const run = await sendNotificationDigests({ signal });
    log.info(run, "notification digests sent");
  },
});

/** Hourly (NOTIFICATION_REMINDER_CRON): due, overdue and expiry reminders into the inboxes. */
export const notificationRemindersJob = defineJobKind({
  name: "notification-reminders",
  label: "Due date and expiry reminders",
  payload: z.object({}),
  policy: { ...EMAIL_POLICY, retries: 3, timeoutSeconds: 30 * 60 },
  schedule: { cron: () => env().NOTIFICATION_REMINDER_CRON, payload: {}, missed: "once" },
  handle: async (_payload, { log, signal }) => {
    const result = await scanReminders({ signal });
    log.info(result, "reminders scanned");
  },
});

/**
 * Notification categories and how each is delivered by e-mail, shared by the settings form, the
 * services and the e-mail jobs. Plain data only (client components import it).
 */

export const NOTIFICATION_CATEGORIES = [
  "ASSIGNMENT",
  "APPROVAL",
  "MENTION",
  "DUE",
  "EVIDENCE_EXPIRY",
  "ATTESTATION_EXPIRY",
  "EXPORT_READY",
] as const;
export type NotificationCategoryName = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_DELIVERIES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type NotificationDeliveryName = (typeof NOTIFICATION_DELIVERIES)[number];

/**
 * What a person gets while they have chosen nothing for a category: things addressed to them
 * personally (an assignment, an approval, a mention, their own export) at once; the scheduled
 * reminders (due dates, expiring evidence and attestations), which come in batches, once a day.
 */
export const DEFAULT_DELIVERY: Record<NotificationCategoryName, NotificationDeliveryName> = {
  ASSIGNMENT: "IMMEDIATE",
  APPROVAL: "IMMEDIATE",
  MENTION: "IMMEDIATE",
  EXPORT_READY: "IMMEDIATE",
  DUE: "DIGEST",
  EVIDENCE_EXPIRY: "DIGEST",
  ATTESTATION_EXPIRY: "DIGEST",
};

export const CATEGORY_LABELS: Record<NotificationCategoryName, string> = {
  ASSIGNMENT: "Duties and plans assigned to you",
  APPROVAL: "Approvals requested of you, and decisions on your requests",
  MENTION: "Mentions in comments",
  DUE: "Due dates: due within 7 days and overdue",
  EVIDENCE_EXPIRY: "Evidence expiring or expired",
  ATTESTATION_EXPIRY: "Vendor attestations expiring or expired",
  EXPORT_READY: "Your export or report is ready",
};

export const DELIVERY_LABELS: Record<NotificationDeliveryName, string> = {
  IMMEDIATE: "E-mail at once",
  DIGEST: "Daily digest",
  OFF: "No e-mail (inbox only)",
};

export type NotificationPreferencesView = Record<
  NotificationCategoryName,
  NotificationDeliveryName
>;

/** Where a person changes these settings; every notification e-mail links here. */
export const NOTIFICATION_SETTINGS_PATH = "/account#notifications";

import "server-only";

import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import type { NotificationPreferencesInput } from "@/lib/validation/notifications";
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_CATEGORIES,
  type NotificationPreferencesView,
} from "@/lib/view/notifications/preferences";

/**
 * A person's delivery choice for every category: their own where they made one, the default
 * (DEFAULT_DELIVERY) otherwise. Preferences belong to the person, not to a workspace: they apply
 * to what every workspace of theirs sends them.
 */
export async function getNotificationPreferences(
  userId: string,
): Promise<NotificationPreferencesView> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  const chosen = new Map(rows.map((row) => [row.category, row.delivery]));
  return Object.fromEntries(
    NOTIFICATION_CATEGORIES.map((category) => [
      category,
      chosen.get(category) ?? DEFAULT_DELIVERY[category],
    ]),
  ) as NotificationPreferencesView;
}

/**
 * Stores the person's choice for every category in one transaction. A choice equal to the default
 * is stored too, so changing a default later does not change what someone picked on purpose.
 */
export async function updateNotificationPreferences({
  userId,
  input,
}: {
  userId: string;
  input: NotificationPreferencesInput;
}): Promise<NotificationPreferencesView> {
  await retryingTransaction("updateNotificationPreferences", async (tx) => {
    for (const category of NOTIFICATION_CATEGORIES) {
      await tx.notificationPreference.upsert({
        where: { userId_category: { userId, category } },
        create: { userId, category, delivery: input[category] },
        update: { delivery: input[category] },
      });
    }
  });
  return getNotificationPreferences(userId);
}

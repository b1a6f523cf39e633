"use server";

import { revalidatePath } from "next/cache";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { authenticatedActionClient, workspaceActionClient } from "@/lib/actions/safe-action";
import {
  markAllNotificationsRead,
  markNotificationRead,
} from "@/lib/server/notifications/mark-notifications-read";
import { updateNotificationPreferences } from "@/lib/server/notifications/notification-preferences";
import {
  notificationIdSchema,
  notificationPreferencesSchema,
} from "@/lib/validation/notifications";

/** Marks one of the signed-in member's notifications of this workspace read (the bell drops). */
export const markNotificationReadAction = workspaceActionClient
  .metadata({ name: "notification.markRead", permission: "notification.read" })
  .inputSchema(notificationIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const notification = await markNotificationRead({
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      notificationId: parsedInput.notificationId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return notification;
  });

export const markAllNotificationsReadAction = workspaceActionClient
  .metadata({ name: "notification.markAllRead", permission: "notification.read" })
  .action(async ({ ctx }) => {
    const result = await markAllNotificationsRead({
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

/** The signed-in person's e-mail choice per category, for all their workspaces. */
export const updateNotificationPreferencesAction = authenticatedActionClient
  .metadata({ name: "account.notificationPreferences" })
  .inputSchema(notificationPreferencesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const preferences = await updateNotificationPreferences({
      userId: ctx.user.id,
      input: parsedInput,
    });
    try {
      revalidatePath("/account");
    } catch {
      // Outside a request (tests calling the action directly) there is no page cache to refresh.
    }
    return preferences;
  });

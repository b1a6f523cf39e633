"use client";

import { Check, CircleDot } from "lucide-react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
} from "@/lib/actions/notifications";
import { resultFormError } from "@/lib/actions/result";
import type { NotificationView } from "@/lib/view/notifications/inbox";

const when = (iso: string) => iso.slice(0, 16).replace("T", " ") + " UTC";

/**
 * The inbox's items. Unread ones are marked by a word ("Unread"), an icon and bold text, not by
 * color alone. Opening an item (a link: Enter or click) marks it read, then goes to its object;
 * "Mark as read" marks it without leaving. Every control is a link or a button, so the list is
 * used by keyboard in tab order.
 */
export function InboxList({
  slug,
  notifications,
  unread,
}: {
  slug: string;
  notifications: NotificationView[];
  unread: number;
}) {
  const router = useRouter();
  const markOne = useAction(markNotificationReadAction.bind(null, slug));
  const markAll = useAction(markAllNotificationsReadAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const error = resultFormError(markOne.result) ?? resultFormError(markAll.result);

  async function open(notification: NotificationView) {
    if (!notification.read) await markOne.executeAsync({ notificationId: notification.id });
    router.push(notification.link);
  }

  return (
    <div className="grid gap-3">
      <div className="flex items-center justify-end gap-3">
        {error ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
        <Button
          variant="outline"
          size="sm"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.execute()}
        >
          Mark all read
        </Button>
      </div>
      <ul aria-label="Notifications" className="divide-y rounded-xl border bg-card">
        {notifications.map((notification) => (
          <li
            key={notification.id}
            data-testid="notification-item"
            data-read={notification.read ? "true" : "false"}
            className={`flex items-start gap-3 px-4 py-3 ${notification.read ? "" : "bg-accent/40"}`}
          >
            {notification.read ? (
              <Check aria-hidden="true" className="mt-1 size-4 shrink-0 text-muted-foreground" />
            ) : (
              <CircleDot aria-hidden="true" className="mt-1 size-4 shrink-0 text-primary" />
            )}
            <div className="grid min-w-0 flex-1 gap-1">
              <a
                href={notification.link}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
                    return;
                  event.preventDefault();
                  void open(notification);
                }}
                className={`rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-ring ${notification.read ? "" : "font-semibold"}`}
              >
                {notification.read ? null : <span className="sr-only">Unread: </span>}
                {notification.title}
              </a>
              {notification.body ? (
                <p className="text-sm text-muted-foreground">{notification.body}</p>
              ) : null}
              <p className="text-xs text-muted-foreground">
                {notification.read ? "Read" : <strong>Unread</strong>} ·{" "}
                <time dateTime={notification.createdAt}>{when(notification.createdAt)}</time>
              </p>
            </div>
            {notification.read ? null : (
              <Button
                variant="ghost"
                size="sm"
                disabled={markOne.isPending}
                onClick={() =>
                  markOne
                    .executeAsync({ notificationId: notification.id })
                    .then(() => router.refresh())
                }
              >
                Mark as read
                <span className="sr-only">: {notification.title}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import { Bell } from "lucide-react";
import Link from "next/link";

/**
 * The header's link to the inbox with the unread count. The count is in the link's accessible
 * name ("Notifications, 3 unread"), and shown as a number beside the bell, not by color alone.
 */
export function NotificationBell({ href, unread }: { href: string; unread: number }) {
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      href={href}
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread"}
      data-testid="notification-bell"
      className="relative inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
    >
      <Bell aria-hidden="true" className="size-5" />
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="min-w-5 rounded-full bg-primary px-1.5 text-center text-xs leading-5 font-semibold text-primary-foreground"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}

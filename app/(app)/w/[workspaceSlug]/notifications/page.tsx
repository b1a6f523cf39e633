import type { Metadata } from "next";
import Link from "next/link";

import { InboxList } from "@/components/notifications/inbox-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { notificationListQuerySchema } from "@/lib/validation/notifications";
import { INBOX_PAGE_SIZE, inboxHref } from "@/lib/view/notifications/inbox";
import { NOTIFICATION_SETTINGS_PATH } from "@/lib/view/notifications/preferences";

export const metadata: Metadata = { title: "Notifications" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The signed-in member's own notifications of this workspace, newest first. */
export default async function NotificationsPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "notification.read");
  const raw = await searchParams;
  const parsed = notificationListQuerySchema.safeParse({
    page: typeof raw.page === "string" ? raw.page : undefined,
  });
  const page = parsed.success ? parsed.data.page : 1;
  const inbox = await listNotifications({
    workspaceId: auth.workspace.id,
    userId: auth.user.id,
    page,
    pageSize: INBOX_PAGE_SIZE,
  });
  const pageCount = Math.max(1, Math.ceil(inbox.total / INBOX_PAGE_SIZE));
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          inbox.unread > 0
            ? `${inbox.unread} unread of ${inbox.total}.`
            : "Assignments, approvals, due dates, expiries and finished exports that concern you in this workspace."
        }
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={NOTIFICATION_SETTINGS_PATH}>E-mail settings</Link>
          </Button>
        }
      />
      {inbox.total === 0 ? (
        <EmptyState
          title="No notifications"
          description="When a duty is assigned to you, something you own falls due or expires, or your export is ready, it shows here."
        />
      ) : (
        <div className="grid gap-4">
          <InboxList
            slug={auth.workspace.slug}
            notifications={inbox.notifications}
            unread={inbox.unread}
          />
          {pageCount > 1 ? (
            <Pagination
              page={Math.min(page, pageCount)}
              pageCount={pageCount}
              href={inboxHref(auth.workspace.slug)}
              totalItems={inbox.total}
              itemLabel="notifications"
            />
          ) : null}
        </div>
      )}
    </>
  );
}

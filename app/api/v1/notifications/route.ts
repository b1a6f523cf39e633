import { apiRoute } from "@/lib/server/api/route";
import { listNotificationsSpec } from "@/lib/server/api/specs/notifications";
import { listNotifications } from "@/lib/server/notifications/list-notifications";

// A token always acts for the member who created it (ApiToken.createdById, required), so "your"
// notifications are that member's; the token stops working when they leave the workspace.
export const GET = apiRoute(listNotificationsSpec, async ({ workspace, creatorId, query }) =>
  listNotifications({
    workspaceId: workspace.id,
    userId: creatorId,
    page: query?.page,
    pageSize: query?.pageSize,
    unreadOnly: query?.unread ?? false,
  }),
);

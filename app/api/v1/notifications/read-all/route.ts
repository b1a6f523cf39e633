import { apiRoute } from "@/lib/server/api/route";
import { markAllNotificationsReadSpec } from "@/lib/server/api/specs/notifications";
import { markAllNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";

export const POST = apiRoute(markAllNotificationsReadSpec, async ({ workspace, creatorId }) =>
  markAllNotificationsRead({ workspaceId: workspace.id, userId: creatorId }),
);

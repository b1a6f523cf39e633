import { apiRoute } from "@/lib/server/api/route";
import { markNotificationReadSpec } from "@/lib/server/api/specs/notifications";
import { markNotificationRead } from "@/lib/server/notifications/mark-notifications-read";

export const POST = apiRoute(markNotificationReadSpec, async ({ workspace, creatorId, params }) =>
  markNotificationRead({
    workspaceId: workspace.id,
    userId: creatorId,
    notificationId: params!.notificationId,
  }),
);

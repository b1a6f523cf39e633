import { apiRoute } from "@/lib/server/api/route";
import { bulkSetDueDateSpec } from "@/lib/server/api/specs/responsibilities";
import { bulkSetDueDate } from "@/lib/server/responsibilities/bulk-set-due-date";

export const POST = apiRoute(bulkSetDueDateSpec, async ({ workspace, actor, body }) =>
  bulkSetDueDate({ workspaceId: workspace.id, actor, ...body! }),
);

import { workspaceRoute } from "@/lib/auth/workspace-route";
import { csvResponse } from "@/lib/csv/csv-response";
import { exportSystemsCsv } from "@/lib/server/systems/export-systems";
import { systemListQuerySchema } from "@/lib/validation/systems";

/** The systems matching the list's filters (same query string) as CSV. */
export const GET = workspaceRoute({ permission: "system.read" }, async (context) => {
  const { request } = context;
  const { workspace } = context.auth;
  const query = systemListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await exportSystemsCsv({ workspaceId: workspace.id, query });
  return csvResponse(
    csv,
    `${workspace.slug}-ai-systems-${new Date().toISOString().slice(0, 10)}.csv`,
  );
});

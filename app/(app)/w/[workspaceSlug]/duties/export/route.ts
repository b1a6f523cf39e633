import { workspaceRoute } from "@/lib/auth/workspace-route";
import { csvResponse } from "@/lib/csv/csv-response";
import { exportResponsibilitiesCsv } from "@/lib/server/responsibilities/export-responsibilities";
import { responsibilityListQuerySchema } from "@/lib/validation/responsibilities";

/** The duties matching the list's filters (same query string) as CSV. */
export const GET = workspaceRoute({ permission: "responsibility.read" }, async (context) => {
  const { request } = context;
  const { workspace } = context.auth;
  const query = responsibilityListQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const csv = await exportResponsibilitiesCsv({ workspaceId: workspace.id, query });
  return csvResponse(csv, `${workspace.slug}-duties-${new Date().toISOString().slice(0, 10)}.csv`);
});

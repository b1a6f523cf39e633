import { workspaceRoute } from "@/lib/auth/workspace-route";
import { csvResponse } from "@/lib/csv/csv-response";
import { exportGapsCsv } from "@/lib/server/dashboard/export-gaps-csv";
import { parseGapSearch } from "@/lib/view/dashboard/gap-search";

/** The gaps matching the page's filters (same query string) as formula-safe CSV. */
export const GET = workspaceRoute({ permission: "coverage.read" }, async (context) => {
  const { request } = context;
  const { workspace } = context.auth;
  const search = parseGapSearch(new URL(request.url).searchParams);
  const csv = await exportGapsCsv({ workspaceId: workspace.id, search });
  return csvResponse(csv, `${workspace.slug}-gaps-${new Date().toISOString().slice(0, 10)}.csv`);
});

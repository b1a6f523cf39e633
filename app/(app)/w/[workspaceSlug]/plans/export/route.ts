import { workspaceRoute } from "@/lib/auth/workspace-route";
import { csvResponse } from "@/lib/csv/csv-response";
import { exportPlansCsv } from "@/lib/server/plans/export-plans-csv";
import { parsePlanSearch, planFiltersOf } from "@/lib/view/plans/plan-search";

/** The plans matching the page's filters (same query string) as formula-safe CSV. */
export const GET = workspaceRoute({ permission: "plan.read" }, async ({ request, auth }) => {
  const search = parsePlanSearch(new URL(request.url).searchParams);
  const csv = await exportPlansCsv({
    workspaceId: auth.workspace.id,
    filters: planFiltersOf(search),
  });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${auth.workspace.slug}-plans-${day}.csv`);
});

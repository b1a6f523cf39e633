import { csvResponse } from "@/lib/csv/csv-response";
import { apiRoute } from "@/lib/server/api/route";
import { exportPlansSpec } from "@/lib/server/api/specs/plans";
import { exportPlansCsv } from "@/lib/server/plans/export-plans-csv";

export const GET = apiRoute(exportPlansSpec, async ({ workspace, query }) => {
  const csv = await exportPlansCsv({ workspaceId: workspace.id, filters: query! });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${workspace.slug}-plans-${day}.csv`);
});

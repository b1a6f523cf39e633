import { csvResponse } from "@/lib/csv/csv-response";
import { apiRoute } from "@/lib/server/api/route";
import { exportDutiesSpec } from "@/lib/server/api/specs/duties";
import { exportResponsibilitiesCsv } from "@/lib/server/responsibilities/export-responsibilities";

export const GET = apiRoute(exportDutiesSpec, async ({ workspace, query }) => {
  const csv = await exportResponsibilitiesCsv({ workspaceId: workspace.id, query });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${workspace.slug}-duties-${day}.csv`);
});

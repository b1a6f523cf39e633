import { csvResponse } from "@/lib/csv/csv-response";
import { apiRoute } from "@/lib/server/api/route";
import { exportSystemsSpec } from "@/lib/server/api/specs/systems";
import { exportSystemsCsv } from "@/lib/server/systems/export-systems";

export const GET = apiRoute(exportSystemsSpec, async ({ workspace, query }) => {
  const csv = await exportSystemsCsv({ workspaceId: workspace.id, query });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${workspace.slug}-ai-systems-${day}.csv`);
});

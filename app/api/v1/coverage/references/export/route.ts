import { csvResponse } from "@/lib/csv/csv-response";
import { apiRoute } from "@/lib/server/api/route";
import { exportReferenceCoverageSpec } from "@/lib/server/api/specs/crosswalks";
import { exportReferenceCoverageCsv } from "@/lib/server/crosswalks/export-reference-coverage-csv";

export const GET = apiRoute(exportReferenceCoverageSpec, async ({ workspace }) => {
  const csv = await exportReferenceCoverageCsv({ workspaceId: workspace.id });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${workspace.slug}-coverage-by-reference-${day}.csv`);
});

import { csvResponse } from "@/lib/csv/csv-response";
import { apiRoute } from "@/lib/server/api/route";
import { exportGapsSpec } from "@/lib/server/api/specs/coverage";
import { exportGapsCsv } from "@/lib/server/dashboard/export-gaps-csv";
import { parseGapSearch } from "@/lib/view/dashboard/gap-search";

// The query was validated by the spec (a bad filter is a 400, not dropped as on the page); the
// CSV service reads the page's filter state, built from the same parameters.
export const GET = apiRoute(exportGapsSpec, async ({ request, workspace }) => {
  const search = parseGapSearch(new URL(request.url).searchParams);
  const csv = await exportGapsCsv({ workspaceId: workspace.id, search });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${workspace.slug}-gaps-${day}.csv`);
});

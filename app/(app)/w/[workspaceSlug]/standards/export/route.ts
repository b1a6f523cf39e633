import { workspaceRoute } from "@/lib/auth/workspace-route";
import { csvResponse } from "@/lib/csv/csv-response";
import { exportReferenceCoverageCsv } from "@/lib/server/crosswalks/export-reference-coverage-csv";

/** Coverage by external reference (every catalogue and entry) as formula-safe CSV. */
export const GET = workspaceRoute({ permission: "coverage.read" }, async (context) => {
  const { workspace } = context.auth;
  const csv = await exportReferenceCoverageCsv({ workspaceId: workspace.id });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${workspace.slug}-coverage-by-reference-${day}.csv`);
});

import { exportGapsCsv } from "@/lib/server/dashboard/export-gaps-csv";
import {
  csvResponse,
  downloadWorkspace,
  notFoundResponse,
} from "@/lib/server/systems/download-auth";
import { parseGapSearch } from "@/lib/view/dashboard/gap-search";

type Context = { params: Promise<{ workspace: string }> };

/** The gaps matching the page's filters (same query string) as formula-safe CSV. */
export async function GET(request: Request, { params }: Context) {
  const workspace = await downloadWorkspace((await params).workspace, "coverage.read");
  if (!workspace) return notFoundResponse();
  const search = parseGapSearch(new URL(request.url).searchParams);
  const csv = await exportGapsCsv({ workspaceId: workspace.id, search });
  return csvResponse(csv, `${workspace.slug}-gaps-${new Date().toISOString().slice(0, 10)}.csv`);
}

import { exportReferenceCoverageCsv } from "@/lib/server/crosswalks/export-reference-coverage-csv";
import {
  csvResponse,
  downloadWorkspace,
  notFoundResponse,
} from "@/lib/server/systems/download-auth";

type Context = { params: Promise<{ workspace: string }> };

/** Coverage by external reference (every catalogue and entry) as formula-safe CSV. */
export async function GET(_request: Request, { params }: Context) {
  const workspace = await downloadWorkspace((await params).workspace, "coverage.read");
  if (!workspace) return notFoundResponse();
  const csv = await exportReferenceCoverageCsv({ workspaceId: workspace.id });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${workspace.slug}-coverage-by-reference-${day}.csv`);
}

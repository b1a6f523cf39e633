import { exportResponsibilitiesCsv } from "@/lib/server/responsibilities/export-responsibilities";
import {
  csvResponse,
  downloadWorkspace,
  notFoundResponse,
} from "@/lib/server/systems/download-auth";
import { responsibilityListQuerySchema } from "@/lib/validation/responsibilities";

type Context = { params: Promise<{ workspace: string }> };

/** The duties matching the list's filters (same query string) as CSV. */
export async function GET(request: Request, { params }: Context) {
  const workspace = await downloadWorkspace((await params).workspace, "responsibility.read");
  if (!workspace) return notFoundResponse();
  const query = responsibilityListQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const csv = await exportResponsibilitiesCsv({ workspaceId: workspace.id, query });
  return csvResponse(
    csv,
    `${workspace.slug}-responsibilities-${new Date().toISOString().slice(0, 10)}.csv`,
  );
}

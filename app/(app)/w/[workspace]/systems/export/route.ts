import {
  csvResponse,
  downloadWorkspace,
  notFoundResponse,
} from "@/lib/server/systems/download-auth";
import { exportSystemsCsv } from "@/lib/server/systems/export-systems";
import { systemListQuerySchema } from "@/lib/validation/systems";

type Context = { params: Promise<{ workspace: string }> };

/** The systems matching the list's filters (same query string) as CSV. */
export async function GET(request: Request, { params }: Context) {
  const workspace = await downloadWorkspace((await params).workspace, "system.read");
  if (!workspace) return notFoundResponse();
  const query = systemListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await exportSystemsCsv({ workspaceId: workspace.id, query });
  return csvResponse(
    csv,
    `${workspace.slug}-ai-systems-${new Date().toISOString().slice(0, 10)}.csv`,
  );
}

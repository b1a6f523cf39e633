import { toApiErrorResponse } from "@/lib/errors";
import { workspaceRouteAuth } from "@/lib/server/exports/workspace-route-auth";
import { listReports } from "@/lib/server/reports/list-reports";

type Context = { params: Promise<{ workspace: string }> };

/** The reports page polls this (TanStack Query) while a report is being made. */
export async function GET(_request: Request, context: Context) {
  try {
    const auth = await workspaceRouteAuth({
      slug: (await context.params).workspace,
      permission: "report.read",
    });
    const reports = await listReports(auth.workspace.id);
    return Response.json({ reports }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toApiErrorResponse(error);
  }
}

import { toApiErrorResponse } from "@/lib/errors";
import { loadGaps } from "@/lib/server/dashboard/load-gaps";
import { workspaceRouteAuth } from "@/lib/server/exports/workspace-route-auth";
import { parseGapSearch } from "@/lib/view/dashboard/gap-search";

type Context = { params: Promise<{ workspace: string }> };

/** The gaps page's data as JSON (TanStack Query refetches it when a filter changes). */
export async function GET(request: Request, context: Context) {
  try {
    const auth = await workspaceRouteAuth({
      slug: (await context.params).workspace,
      permission: "coverage.read",
    });
    const search = parseGapSearch(new URL(request.url).searchParams);
    const data = await loadGaps({ workspaceId: auth.workspace.id, search });
    return Response.json(data, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toApiErrorResponse(error);
  }
}

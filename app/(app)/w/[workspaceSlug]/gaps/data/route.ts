import { workspaceRoute } from "@/lib/auth/workspace-route";
import { toApiErrorResponse } from "@/lib/errors";
import { loadGaps } from "@/lib/server/dashboard/load-gaps";
import { parseGapSearch } from "@/lib/view/dashboard/gap-search";

/** The gaps page's data as JSON (TanStack Query refetches it when a filter changes). */
export const GET = workspaceRoute({ permission: "coverage.read" }, async ({ request, auth }) => {
  try {
    const search = parseGapSearch(new URL(request.url).searchParams);
    const data = await loadGaps({ workspaceId: auth.workspace.id, search });
    return Response.json(data, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toApiErrorResponse(error);
  }
});

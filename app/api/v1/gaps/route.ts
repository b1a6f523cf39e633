import { apiRoute } from "@/lib/server/api/route";
import { listGapsSpec } from "@/lib/server/api/specs/coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { intersectScopes, referenceScope } from "@/lib/server/crosswalks/reference-scope";

export const GET = apiRoute(listGapsSpec, async ({ workspace, query }) => {
  const { limit, offset, systemIds, vendorId, reference, sort, ...filters } = query;
  const scope = reference
    ? intersectScopes(
        { systemIds, vendorId },
        await referenceScope({ workspaceId: workspace.id, reference }),
      )
    : { systemIds, vendorId };
  const page = await getGapList({
    workspaceId: workspace.id,
    scope,
    filters,
    sort,
    limit,
    offset,
  });
  return {
    items: page.rows.map((row) => ({
      ...row,
      dueDate: row.dueDate ? new Date(row.dueDate).toISOString() : null,
    })),
    total: page.total,
    limit,
    offset,
  };
});

import { apiRoute } from "@/lib/server/api/route";
import { listGapsSpec } from "@/lib/server/api/specs/coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";

export const GET = apiRoute(listGapsSpec, async ({ workspace, query }) => {
  const { limit, offset, systemIds, vendorId, ...filters } = query;
  const page = await getGapList({
    workspaceId: workspace.id,
    scope: { systemIds, vendorId },
    filters,
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

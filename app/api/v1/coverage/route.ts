import { apiRoute } from "@/lib/server/api/route";
import { getCoverageSpec } from "@/lib/server/api/specs/coverage";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";

export const GET = apiRoute(getCoverageSpec, async ({ workspace, query }) => {
  const now = new Date();
  const { groupBy, ...scope } = query;
  const [summary, groups] = await Promise.all([
    getCoverage({ workspaceId: workspace.id, scope, now }),
    groupBy ? getCoverageBy({ workspaceId: workspace.id, scope, now, groupBy }) : null,
  ]);
  return { computedAt: now.toISOString(), summary, groupBy: groupBy ?? null, groups };
});

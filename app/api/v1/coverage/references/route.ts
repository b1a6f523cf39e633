import { apiRoute } from "@/lib/server/api/route";
import { getReferenceCoverageSpec } from "@/lib/server/api/specs/crosswalks";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";

export const GET = apiRoute(getReferenceCoverageSpec, async ({ workspace, query }) => {
  if (!query) throw new Error("coverage route: query was not parsed");
  const { catalogue, ...scope } = query;
  return loadReferenceCoverage({ workspaceId: workspace.id, catalogue, scope });
});

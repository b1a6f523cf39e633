import { referencesForRow } from "@/lib/crosswalks/active-mapping";
import { apiRoute } from "@/lib/server/api/route";
import { listReferencesSpec } from "@/lib/server/api/specs/crosswalks";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";

export const GET = apiRoute(listReferencesSpec, async ({ workspace, query }) => {
  if (!query) throw new Error("references route: query was not parsed");
  const mapping = await loadActiveMapping(workspace.id);
  const frameworks = [
    ...new Set(mapping.edges.filter((e) => e.row === query.domain).map((e) => e.framework)),
  ].filter((key) => query.framework === undefined || key === query.framework);
  return {
    domain: query.domain,
    frameworks: frameworks.map((framework) => ({
      framework,
      references: referencesForRow(mapping, framework, query.domain),
    })),
  };
});

import { apiRoute } from "@/lib/server/api/route";
import { diffCrosswalkSpec } from "@/lib/server/api/specs/crosswalks";
import { compareCrosswalkVersions } from "@/lib/server/crosswalks/compare-crosswalk-versions";

export const GET = apiRoute(diffCrosswalkSpec, async ({ workspace, params, query }) => {
  if (!params || !query) throw new Error("crosswalks route: params were not parsed");
  const { key, from, to, diff } = await compareCrosswalkVersions({
    workspaceId: workspace.id,
    key: params.key,
    from: query.from,
    to: query.to,
  });
  const ref = (e: { framework: string; row: string; catalogue: string; entry: string }) => ({
    framework: e.framework,
    row: e.row,
    catalogue: e.catalogue,
    entry: e.entry,
  });
  return {
    key,
    from,
    to,
    hasChanges: diff.hasChanges,
    addedEdges: diff.addedEdges.map((e) => ({ ...ref(e), relationship: e.relationship })),
    removedEdges: diff.removedEdges.map((e) => ({ ...ref(e), relationship: e.relationship })),
    changedEdges: diff.changedEdges.map((e) => ({ ...ref(e), changes: e.changes })),
    addedCatalogues: diff.addedCatalogues,
    removedCatalogues: diff.removedCatalogues,
    changedCatalogues: diff.changedCatalogues,
    addedSources: diff.addedSources,
    removedSources: diff.removedSources,
    changedFields: diff.changedFields,
  };
});

import { apiRoute } from "@/lib/server/api/route";
import { getOscalCatalogSpec } from "@/lib/server/api/specs/oscal";
import { exportCatalog } from "@/lib/server/oscal/export-oscal";
import { oscalResponse } from "@/lib/server/oscal/oscal-response";

export const GET = apiRoute(getOscalCatalogSpec, async ({ workspace, query }) => {
  // The wrapper always validates a declared query schema; its types still allow undefined.
  if (!query) throw new Error("oscal catalog route: query was not parsed");
  return oscalResponse(
    await exportCatalog({
      workspaceId: workspace.id,
      key: query.framework,
      version: query.version,
    }),
  );
});

import { apiRoute } from "@/lib/server/api/route";
import { getOscalMappingSpec } from "@/lib/server/api/specs/oscal";
import { exportMapping } from "@/lib/server/oscal/export-oscal";
import { oscalResponse } from "@/lib/server/oscal/oscal-response";

export const GET = apiRoute(getOscalMappingSpec, async ({ workspace, query }) =>
  oscalResponse(
    await exportMapping({
      workspaceId: workspace.id,
      key: query?.crosswalk,
      version: query?.version,
    }),
  ),
);

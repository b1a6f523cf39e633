import { apiRoute } from "@/lib/server/api/route";
import { getOscalSspSpec } from "@/lib/server/api/specs/oscal";
import { exportSsp } from "@/lib/server/oscal/export-oscal";
import { oscalResponse } from "@/lib/server/oscal/oscal-response";

export const GET = apiRoute(getOscalSspSpec, async ({ workspace, query }) =>
  oscalResponse(await exportSsp({ workspaceId: workspace.id, systemIds: query?.systemIds })),
);

import { apiRoute } from "@/lib/server/api/route";
import { getOscalSspSpec } from "@/lib/server/api/specs/oscal";
import { exportSsp } from "@/lib/server/oscal/export-oscal";
import { oscalResponse } from "@/lib/server/oscal/oscal-response";
import { recordOscalExport } from "@/lib/server/oscal/record-oscal-export";

export const GET = apiRoute(getOscalSspSpec, async ({ workspace, actor, query }) => {
  const systemIds = query?.systemIds;
  const exported = await exportSsp({ workspaceId: workspace.id, systemIds });
  await recordOscalExport({ workspaceId: workspace.id, actor, systemIds, via: "api" });
  return oscalResponse(exported);
});

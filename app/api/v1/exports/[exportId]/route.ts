import { apiRoute } from "@/lib/server/api/route";
import { getExportSpec } from "@/lib/server/api/specs/exports";
import { getExportJob } from "@/lib/server/exports/list-export-jobs";

export const GET = apiRoute(getExportSpec, async ({ workspace, params }) =>
  getExportJob({ workspaceId: workspace.id, exportId: params.exportId }),
);

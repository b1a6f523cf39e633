import { apiRoute } from "@/lib/server/api/route";
import { previewFrameworkImportSpec } from "@/lib/server/api/specs/frameworks";
import { previewFrameworkImport } from "@/lib/server/frameworks/preview-framework-import";

export const POST = apiRoute(previewFrameworkImportSpec, async ({ workspace, body }) =>
  previewFrameworkImport({
    workspaceId: workspace.id,
    source: "definition" in body ? { definition: body.definition } : body,
  }),
);

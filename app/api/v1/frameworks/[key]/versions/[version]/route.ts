import { apiRoute } from "@/lib/server/api/route";
import { getFrameworkVersionSpec } from "@/lib/server/api/specs/frameworks";
import { exportFrameworkVersion } from "@/lib/server/frameworks/export-framework-version";

// The canonical export bytes, not a re-serialised object, so the API and the CLI agree exactly.
export const GET = apiRoute(getFrameworkVersionSpec, async ({ workspace, params, query }) => {
  // The wrapper always validates a declared params/query schema; its types still allow undefined.
  if (!params || !query) throw new Error("frameworks route: params were not parsed");
  const exported = await exportFrameworkVersion({
    workspaceId: workspace.id,
    key: params.key,
    version: params.version,
    format: query.format,
  });
  return new Response(exported.content, {
    headers: {
      "content-type": `${exported.contentType}; charset=utf-8`,
      "content-disposition": `inline; filename="${exported.fileName}"`,
      "cache-control": "no-store",
    },
  });
});

import { apiRoute } from "@/lib/server/api/route";
import { getCrosswalkVersionSpec } from "@/lib/server/api/specs/crosswalks";
import { exportCrosswalkVersion } from "@/lib/server/crosswalks/get-crosswalk-version";

// The canonical export bytes, not a re-serialised object, so the API and the CLI agree exactly.
export const GET = apiRoute(getCrosswalkVersionSpec, async ({ workspace, params, query }) => {
  if (!params || !query) throw new Error("crosswalks route: params were not parsed");
  const exported = await exportCrosswalkVersion({
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

import { contentDisposition } from "@/lib/evidence/file-name";
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
      // The version string is the importer's text: a quote or a line break in it must not reach
      // the header as is (a broken header, or a 500 for CR/LF).
      "content-disposition": contentDisposition("inline", exported.fileName),
      "cache-control": "no-store",
    },
  });
});

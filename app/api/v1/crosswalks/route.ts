import { apiRoute } from "@/lib/server/api/route";
import { importCrosswalkSpec, listCrosswalksSpec } from "@/lib/server/api/specs/crosswalks";
import { importCrosswalk } from "@/lib/server/crosswalks/import-crosswalk";
import { listCrosswalks } from "@/lib/server/crosswalks/list-crosswalks";

export const GET = apiRoute(listCrosswalksSpec, async ({ workspace }) => {
  const crosswalks = await listCrosswalks({ workspaceId: workspace.id });
  return {
    crosswalks: crosswalks.map((c) => ({
      key: c.key,
      name: c.name,
      publisher: c.publisher,
      builtIn: c.builtIn,
      versions: c.versions.map((v) => ({
        version: v.version,
        definitionHash: v.definitionHash,
        publishedAt: v.publishedAt.toISOString(),
      })),
    })),
  };
});

export const POST = apiRoute(importCrosswalkSpec, async ({ workspace, role, actor, body }) => {
  if (!body) throw new Error("crosswalks route: body was not parsed");
  const result = await importCrosswalk({
    target: { workspaceId: workspace.id, role, actor },
    source: "definition" in body ? { definition: body.definition } : body,
  });
  const summary = {
    status: result.status,
    key: result.key,
    name: result.name,
    version: result.version,
    publisher: result.publisher,
    sources: result.sources,
    catalogues: result.catalogues,
    edges: result.edges,
    derivedEdges: result.derivedEdges,
  };
  // 201 when something was stored; 200 when the identical version already existed.
  return Response.json(summary, {
    status: result.status === "created" ? 201 : 200,
    headers: { "cache-control": "no-store" },
  });
});

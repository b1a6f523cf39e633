import { apiRoute } from "@/lib/server/api/route";
import { importFrameworkSpec, listFrameworksSpec } from "@/lib/server/api/specs/frameworks";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";

export const GET = apiRoute(listFrameworksSpec, async ({ workspace }) => {
  const frameworks = await listFrameworks({ workspaceId: workspace.id });
  return {
    frameworks: frameworks.map((framework) => ({
      key: framework.key,
      name: framework.name,
      publisher: framework.publisher,
      builtIn: framework.builtIn,
      versions: framework.versions.map((v) => ({
        version: v.version,
        definitionHash: v.definitionHash,
        publishedAt: v.publishedAt.toISOString(),
      })),
    })),
  };
});

export const POST = apiRoute(importFrameworkSpec, async ({ workspace, role, actor, body }) => {
  // The wrapper always validates a declared body schema; its types still allow undefined.
  if (!body) throw new Error("frameworks route: body was not parsed");
  const result = await importFramework({
    target: { workspaceId: workspace.id, role, actor },
    source: "definition" in body ? { definition: body.definition } : body,
  });
  // Internal ids stay internal: the API addresses versions by key and version string.
  const publicResult = {
    status: result.status,
    frameworkCreated: result.frameworkCreated,
    key: result.key,
    version: result.version,
    name: result.name,
    publisher: result.publisher,
    columns: result.columns,
    rows: result.rows,
    cells: result.cells,
    criticalCells: result.criticalCells,
  };
  // 201 when something was stored; 200 when the identical version already existed.
  return Response.json(publicResult, {
    status: result.status === "created" ? 201 : 200,
    headers: { "cache-control": "no-store" },
  });
});

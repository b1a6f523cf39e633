import { apiRoute } from "@/lib/server/api/route";
import { importStatementSpec, listVendorStatementsSpec } from "@/lib/server/api/specs/statements";
import { importStatement } from "@/lib/server/statements/import-statement";
import { listVendorStatements } from "@/lib/server/statements/list-vendor-statements";
import { apiJson } from "@/lib/server/systems/api-json";
import { getVendor } from "@/lib/server/vendors/get-vendor";

export const GET = apiRoute(listVendorStatementsSpec, async ({ workspace, params }) => {
  // Another workspace's vendor answers 404, not an empty list.
  await getVendor({ workspaceId: workspace.id, vendorId: params!.vendorId });
  return apiJson({
    statements: await listVendorStatements({
      workspaceId: workspace.id,
      vendorId: params!.vendorId,
    }),
  });
});

export const POST = apiRoute(importStatementSpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await importStatement({
      workspaceId: workspace.id,
      actor,
      vendorId: params!.vendorId,
      text: body!.text,
    }),
    201,
  ),
);

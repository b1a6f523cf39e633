import { apiRoute } from "@/lib/server/api/route";
import { createVendorSpec, listVendorsSpec } from "@/lib/server/api/specs/vendors";
import { apiJson } from "@/lib/server/systems/api-json";
import { createVendor } from "@/lib/server/vendors/create-vendor";
import { listVendors } from "@/lib/server/vendors/list-vendors";

export const GET = apiRoute(listVendorsSpec, async ({ workspace, query }) =>
  apiJson({ vendors: await listVendors({ workspaceId: workspace.id, q: query?.q }) }),
);

export const POST = apiRoute(createVendorSpec, async ({ workspace, actor, body }) =>
  apiJson(await createVendor({ workspaceId: workspace.id, actor, fields: body! }), 201),
);

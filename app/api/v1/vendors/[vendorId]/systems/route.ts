import { apiRoute } from "@/lib/server/api/route";
import { linkVendorSystemsSpec } from "@/lib/server/api/specs/vendors";
import { linkVendorSystems } from "@/lib/server/vendors/link-vendor-systems";

export const POST = apiRoute(linkVendorSystemsSpec, async ({ workspace, actor, params, body }) =>
  linkVendorSystems({
    workspaceId: workspace.id,
    actor,
    vendorId: params!.vendorId,
    systemIds: body!.systemIds,
  }),
);

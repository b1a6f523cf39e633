import { apiRoute } from "@/lib/server/api/route";
import { unlinkVendorSystemSpec } from "@/lib/server/api/specs/vendors";
import { unlinkVendorSystem } from "@/lib/server/vendors/unlink-vendor-system";

export const DELETE = apiRoute(unlinkVendorSystemSpec, async ({ workspace, actor, params }) =>
  unlinkVendorSystem({
    workspaceId: workspace.id,
    actor,
    vendorId: params.vendorId,
    systemId: params.systemId,
  }),
);

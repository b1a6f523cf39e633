import { apiRoute } from "@/lib/server/api/route";
import { deleteVendorSpec, getVendorSpec, updateVendorSpec } from "@/lib/server/api/specs/vendors";
import { apiJson } from "@/lib/server/systems/api-json";
import { deleteVendor } from "@/lib/server/vendors/delete-vendor";
import { getVendor } from "@/lib/server/vendors/get-vendor";
import { updateVendor } from "@/lib/server/vendors/update-vendor";

export const GET = apiRoute(getVendorSpec, async ({ workspace, params }) =>
  apiJson(await getVendor({ workspaceId: workspace.id, vendorId: params!.vendorId })),
);

export const PATCH = apiRoute(updateVendorSpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await updateVendor({
      workspaceId: workspace.id,
      actor,
      vendorId: params!.vendorId,
      fields: body!,
    }),
  ),
);

export const DELETE = apiRoute(deleteVendorSpec, async ({ workspace, actor, params }) =>
  deleteVendor({ workspaceId: workspace.id, actor, vendorId: params!.vendorId }),
);

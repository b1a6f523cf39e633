import { workspaceRoute } from "@/lib/auth/workspace-route";
import { toApiErrorResponse } from "@/lib/errors";
import {
  listDutyOptionDomains,
  listDutyOptionSystems,
} from "@/lib/server/evidence/list-duty-options";
import { idSchema } from "@/lib/validation/evidence";

/**
 * Choices of the "reuse" picker, loaded step by step so the library page stays light: without
 * `systemId` the workspace's systems, with it that system's domains and their parts' sides.
 */
export const GET = workspaceRoute({ permission: "evidence.read" }, async ({ request, auth }) => {
  try {
    const systemId = idSchema.safeParse(new URL(request.url).searchParams.get("systemId"));
    const body = systemId.success
      ? {
          domains: await listDutyOptionDomains({
            workspaceId: auth.workspace.id,
            systemId: systemId.data,
          }),
        }
      : { systems: await listDutyOptionSystems(auth.workspace.id) };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toApiErrorResponse(error);
  }
});

import { toApiErrorResponse } from "@/lib/errors";
import { withRequestContext } from "@/lib/server/api/route";
import {
  listPartOptionDomains,
  listPartOptionSystems,
} from "@/lib/server/evidence/list-part-options";
import { idSchema } from "@/lib/validation/evidence";

import { sessionRouteAuth } from "../_lib/session-route-auth";

type RouteContext = { params: Promise<{ workspace: string }> };

/**
 * Choices of the "reuse" picker, loaded step by step so the library page stays light: without
 * `systemId` the workspace's systems, with it that system's domains and their parts' sides.
 */
export async function GET(request: Request, context: RouteContext): Promise<Response> {
  return withRequestContext(request, async () => {
    try {
      const auth = await sessionRouteAuth({
        request,
        slug: (await context.params).workspace,
        permission: "evidence.read",
      });
      const systemId = idSchema.safeParse(new URL(request.url).searchParams.get("systemId"));
      const body = systemId.success
        ? {
            domains: await listPartOptionDomains({
              workspaceId: auth.workspace.id,
              systemId: systemId.data,
            }),
          }
        : { systems: await listPartOptionSystems(auth.workspace.id) };
      return Response.json(body, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return toApiErrorResponse(error);
    }
  });
}

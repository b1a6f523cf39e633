import { fieldErrorsFromIssues, toApiErrorResponse, ValidationError } from "@/lib/errors";
import { withRequestContext } from "@/lib/server/api/route";
import { jsonify } from "@/lib/server/evidence/evidence-json";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { listEvidenceQuerySchema } from "@/lib/validation/evidence";

import { sessionRouteAuth } from "./_lib/session-route-auth";

type RouteContext = { params: Promise<{ workspace: string }> };

/**
 * Evidence search for the "choose existing evidence" step of the attach dialog (TanStack Query),
 * with the library's filters. Read-only; the session's membership and evidence.read are checked.
 */
export async function GET(request: Request, context: RouteContext): Promise<Response> {
  return withRequestContext(request, async () => {
    try {
      const auth = await sessionRouteAuth({
        request,
        slug: (await context.params).workspace,
        permission: "evidence.read",
      });
      const parsed = listEvidenceQuerySchema.safeParse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      if (!parsed.success) {
        throw new ValidationError("Invalid search.", fieldErrorsFromIssues(parsed.error.issues));
      }
      const page = await listEvidence({ workspaceId: auth.workspace.id, query: parsed.data });
      return Response.json(jsonify(page), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return toApiErrorResponse(error);
    }
  });
}

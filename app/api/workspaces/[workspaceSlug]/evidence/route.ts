import { workspaceRoute } from "@/lib/auth/workspace-route";
import { fieldErrorsFromIssues, toApiErrorResponse, ValidationError } from "@/lib/errors";
import { jsonify } from "@/lib/server/evidence/evidence-json";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { listEvidenceQuerySchema } from "@/lib/validation/evidence";

/**
 * Evidence search for the "choose existing evidence" step of the attach dialog (TanStack Query),
 * with the library's filters. Read-only; the session's membership and evidence.read are checked.
 */
export const GET = workspaceRoute({ permission: "evidence.read" }, async ({ request, auth }) => {
  try {
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

import { apiRoute } from "@/lib/server/api/route";
import { reviewEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { jsonify } from "@/lib/server/evidence/evidence-json";
import { reviewEvidence } from "@/lib/server/evidence/review-evidence";

export const POST = apiRoute(reviewEvidenceSpec, async ({ workspace, actor, params, body }) =>
  jsonify(
    await reviewEvidence({
      workspaceId: workspace.id,
      actor,
      evidenceId: params.evidenceId,
      review: body,
    }),
  ),
);

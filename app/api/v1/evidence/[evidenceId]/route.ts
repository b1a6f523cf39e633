import { apiRoute } from "@/lib/server/api/route";
import { deleteEvidenceSpec, getEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { jsonify } from "@/lib/server/evidence/evidence-json";
import { getEvidence } from "@/lib/server/evidence/get-evidence";

export const GET = apiRoute(getEvidenceSpec, async ({ workspace, params }) =>
  jsonify(await getEvidence({ workspaceId: workspace.id, evidenceId: params.evidenceId })),
);

export const DELETE = apiRoute(deleteEvidenceSpec, async ({ workspace, actor, params }) => {
  const { deletedAt } = await deleteEvidence({
    workspaceId: workspace.id,
    actor,
    evidenceId: params.evidenceId,
  });
  return { id: params.evidenceId, deletedAt: deletedAt.toISOString() };
});

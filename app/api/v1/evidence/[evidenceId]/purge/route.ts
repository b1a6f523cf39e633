import { apiRoute } from "@/lib/server/api/route";
import { purgeEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { purgeEvidence } from "@/lib/server/evidence/purge-evidence";

export const POST = apiRoute(purgeEvidenceSpec, async ({ workspace, actor, params }) => {
  const { purgedAt } = await purgeEvidence({
    workspaceId: workspace.id,
    actor,
    evidenceId: params.evidenceId,
  });
  return { id: params.evidenceId, purgedAt: purgedAt.toISOString() };
});

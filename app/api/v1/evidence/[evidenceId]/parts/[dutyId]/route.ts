import { apiRoute } from "@/lib/server/api/route";
import { linkEvidenceSpec, unlinkEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { linkEvidenceToDuty } from "@/lib/server/evidence/link-evidence-to-duty";
import { unlinkEvidenceFromDuty } from "@/lib/server/evidence/unlink-evidence-from-duty";

export const PUT = apiRoute(linkEvidenceSpec, async ({ workspace, actor, params }) => {
  const { created } = await linkEvidenceToDuty({ workspaceId: workspace.id, actor, ...params });
  return Response.json(
    { ...params, created },
    { status: created ? 201 : 200, headers: { "cache-control": "no-store" } },
  );
});

export const DELETE = apiRoute(unlinkEvidenceSpec, async ({ workspace, actor, params }) => {
  await unlinkEvidenceFromDuty({ workspaceId: workspace.id, actor, ...params });
  return { ...params, removed: true as const };
});

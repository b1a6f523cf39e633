import { apiRoute } from "@/lib/server/api/route";
import { linkEvidenceDutySpec, unlinkEvidenceDutySpec } from "@/lib/server/api/specs/evidence";
import { linkEvidenceToPart } from "@/lib/server/evidence/link-evidence-to-part";
import { unlinkEvidenceFromPart } from "@/lib/server/evidence/unlink-evidence-from-part";

export const PUT = apiRoute(linkEvidenceDutySpec, async ({ workspace, actor, params }) => {
  const { created } = await linkEvidenceToPart({
    workspaceId: workspace.id,
    actor,
    evidenceId: params.evidenceId,
    partId: params.dutyId,
  });
  return Response.json(
    { ...params, created },
    { status: created ? 201 : 200, headers: { "cache-control": "no-store" } },
  );
});

export const DELETE = apiRoute(unlinkEvidenceDutySpec, async ({ workspace, actor, params }) => {
  await unlinkEvidenceFromPart({
    workspaceId: workspace.id,
    actor,
    evidenceId: params.evidenceId,
    partId: params.dutyId,
  });
  return { ...params, removed: true as const };
});

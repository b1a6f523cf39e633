import { apiRoute } from "@/lib/server/api/route";
import { linkEvidenceDutySpec, unlinkEvidenceDutySpec } from "@/lib/server/api/specs/evidence";
import { linkEvidenceToDuty } from "@/lib/server/evidence/link-evidence-to-duty";
import { unlinkEvidenceFromDuty } from "@/lib/server/evidence/unlink-evidence-from-duty";

export const PUT = apiRoute(linkEvidenceDutySpec, async ({ workspace, actor, params }) => {
  const { created } = await linkEvidenceToDuty({
    workspaceId: workspace.id,
    actor,
    evidenceId: params.evidenceId,
    dutyId: params.dutyId,
  });
  return Response.json(
    { ...params, created },
    { status: created ? 201 : 200, headers: { "cache-control": "no-store" } },
  );
});

export const DELETE = apiRoute(unlinkEvidenceDutySpec, async ({ workspace, actor, params }) => {
  await unlinkEvidenceFromDuty({
    workspaceId: workspace.id,
    actor,
    evidenceId: params.evidenceId,
    dutyId: params.dutyId,
  });
  return { ...params, removed: true as const };
});

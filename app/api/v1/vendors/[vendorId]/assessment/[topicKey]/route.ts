import { apiRoute } from "@/lib/server/api/route";
import { saveAssessmentSpec } from "@/lib/server/api/specs/vendors";
import { saveAssessmentAnswer } from "@/lib/server/vendors/save-assessment-answer";

export const PUT = apiRoute(saveAssessmentSpec, async ({ workspace, actor, params, body }) =>
  saveAssessmentAnswer({
    workspaceId: workspace.id,
    actor,
    input: { ...body!, vendorId: params!.vendorId, topicKey: params!.topicKey },
  }),
);

import { apiRoute } from "@/lib/server/api/route";
import { createEvidenceSpec, listEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { jsonify } from "@/lib/server/evidence/evidence-json";
import { listEvidence } from "@/lib/server/evidence/list-evidence";

export const GET = apiRoute(listEvidenceSpec, async ({ workspace, query }) =>
  jsonify(await listEvidence({ workspaceId: workspace.id, query })),
);

export const POST = apiRoute(createEvidenceSpec, async ({ workspace, actor, body }) =>
  jsonify(await createEvidence({ workspaceId: workspace.id, actor, input: body })),
);

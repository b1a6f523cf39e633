import { apiRoute } from "@/lib/server/api/route";
import { updateStatementDraftSpec } from "@/lib/server/api/specs/statements";
import { updateStatementDraft } from "@/lib/server/statements/update-statement-draft";
import { apiJson } from "@/lib/server/systems/api-json";

export const PUT = apiRoute(updateStatementDraftSpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await updateStatementDraft({
      workspaceId: workspace.id,
      actor,
      input: { ...body!, statementId: params!.statementId },
    }),
  ),
);

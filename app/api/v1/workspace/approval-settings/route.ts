import { apiRoute } from "@/lib/server/api/route";
import { updateApprovalSettingsSpec } from "@/lib/server/api/specs/approvals";
import { updateApprovalSettings } from "@/lib/server/workspaces/update-approval-settings";

export const PATCH = apiRoute(updateApprovalSettingsSpec, async ({ workspace, actor, body }) =>
  updateApprovalSettings({
    workspaceId: workspace.id,
    actor,
    maxApprovalMonths: body.maxApprovalMonths,
  }),
);

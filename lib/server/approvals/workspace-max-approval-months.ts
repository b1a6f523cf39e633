import "server-only";

import { db } from "@/lib/db/client";
import { DEFAULT_MAX_APPROVAL_MONTHS } from "@/lib/validation/approvals";

/** The longest an approval may run in this workspace, in months (settings page). */
export async function workspaceMaxApprovalMonths(workspaceId: string): Promise<number> {
  const row = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { maxApprovalMonths: true },
  });
  return row?.maxApprovalMonths ?? DEFAULT_MAX_APPROVAL_MONTHS;
}

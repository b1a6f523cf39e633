import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import {
  DUTY_ROW_SELECT,
  presentDutyRows,
} from "@/lib/server/responsibilities/list-responsibilities";

/** One duty (part) of the workspace in the list's row shape; another workspace's id is 404. */
export async function getDuty({ workspaceId, dutyId }: { workspaceId: string; dutyId: string }) {
  const row = await db.duty.findFirst({
    where: { id: dutyId, workspaceId },
    select: DUTY_ROW_SELECT,
  });
  if (!row) throw new NotFoundError("Duty not found.");
  const [part] = await presentDutyRows(workspaceId, [row]);
  return part!;
}

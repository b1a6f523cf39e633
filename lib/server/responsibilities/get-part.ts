import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import {
  PART_ROW_SELECT,
  presentPartRows,
} from "@/lib/server/responsibilities/list-responsibilities";

/** One duty (part) of the workspace in the list's row shape; another workspace's id is 404. */
export async function getPart({ workspaceId, partId }: { workspaceId: string; partId: string }) {
  const row = await db.responsibilityPart.findFirst({
    where: { id: partId, workspaceId },
    select: PART_ROW_SELECT,
  });
  if (!row) throw new NotFoundError("Duty not found.");
  const [part] = await presentPartRows(workspaceId, [row]);
  return part!;
}

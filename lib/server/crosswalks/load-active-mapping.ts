import "server-only";

import { type ActiveMapping, mergeCrosswalks } from "@/lib/crosswalks/active-mapping";
import { db } from "@/lib/db/client";
import { latestCrosswalks } from "@/lib/server/crosswalks/latest-crosswalks";

/**
 * The mapping a workspace uses: the newest version of each crosswalk it can see, merged
 * (lib/crosswalks/active-mapping.ts). Read per request; only definitions not yet parsed in this
 * process are fetched.
 */
export async function loadActiveMapping(workspaceId: string): Promise<ActiveMapping> {
  return mergeCrosswalks(await latestCrosswalks(db, workspaceId));
}

import "server-only";

import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { PLAN_DUTIES_MAX } from "@/lib/validation/plans";

/**
 * The duties that are gaps in a scope (a domain across systems, a system), in gap order, at most
 * as many as one plan may hold: what "New plan" on a domain or system page proposes.
 */
export async function listGapDutyIds(input: {
  workspaceId: string;
  scope: CoverageScope;
  now?: Date;
}): Promise<string[]> {
  const page = await getGapList({ ...input, limit: PLAN_DUTIES_MAX });
  return page.rows.map((row) => row.dutyId);
}

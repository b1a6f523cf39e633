import type { GapReason } from "@/lib/domain/coverage-reference";
import { isPastDue } from "@/lib/domain/overdue";
import type { GapRow } from "@/lib/server/coverage/get-gap-list";
import { nameOf } from "@/lib/server/dashboard/coverage-labels";
import type { GapView, LabelledKey } from "@/lib/view/dashboard/types";

/** An engine gap row as the tables and the JSON route show it (dates as ISO text, domain named). */
export function toGapView(
  row: GapRow,
  domains: readonly LabelledKey[],
  now: Date = new Date(),
): GapView {
  return {
    dutyId: row.dutyId,
    systemId: row.systemId,
    systemName: row.systemName,
    domainKey: row.domainKey,
    domainName: nameOf(domains, row.domainKey),
    side: row.side,
    critical: row.critical,
    riskTier: row.riskTier,
    dueDate: row.dueDate ? new Date(row.dueDate).toISOString() : null,
    overdue: isPastDue(row.dueDate, now),
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    reasons: row.reasons as GapReason[],
  };
}

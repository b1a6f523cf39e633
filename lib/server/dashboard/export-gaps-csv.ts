import "server-only";

import {
  GAP_REASON_LABELS,
  RISK_TIER_LABELS,
  SIDE_LABELS,
} from "@/components/dashboard/coverage-labels";
import { toCsv } from "@/lib/csv/csv";
import type { GapReason } from "@/lib/domain/coverage-reference";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { loadCoverageLabels, nameOf } from "@/lib/server/dashboard/coverage-labels";
import { gapFiltersOf, type GapSearchState } from "@/lib/server/dashboard/gap-search";

/** More rows than any workspace we plan for; the export stays one bounded query. */
export const GAPS_CSV_MAX_ROWS = 250_000;

export const GAPS_CSV_HEADER = [
  "system_id",
  "system",
  "domain_key",
  "domain",
  "part",
  "critical",
  "risk_tier",
  "owner",
  "status",
  "due_date",
  "reasons",
] as const;

/**
 * Every gap matching the filters (the page is ignored), in gap order, as CSV. User text (system
 * names, owner names) goes through toCsv, which neutralises formula triggers.
 */
export async function exportGapsCsv(input: {
  workspaceId: string;
  search: GapSearchState;
  now?: Date;
}): Promise<string> {
  const [labels, list] = await Promise.all([
    loadCoverageLabels(input.workspaceId),
    getGapList({
      workspaceId: input.workspaceId,
      now: input.now,
      filters: gapFiltersOf(input.search),
      limit: GAPS_CSV_MAX_ROWS,
    }),
  ]);
  return toCsv(
    GAPS_CSV_HEADER,
    list.rows.map((row) => [
      row.systemId,
      row.systemName,
      row.domainKey,
      nameOf(labels.domains, row.domainKey),
      SIDE_LABELS[row.side],
      row.critical ? "yes" : "no",
      row.riskTier ? RISK_TIER_LABELS[row.riskTier] : "",
      row.ownerName ?? "",
      row.status,
      row.dueDate ? new Date(row.dueDate).toISOString().slice(0, 10) : "",
      row.reasons.map((r) => GAP_REASON_LABELS[r as GapReason]).join("; "),
    ]),
  );
}

import "server-only";

import { referencesForRow } from "@/lib/crosswalks/active-mapping";
import { toCsv } from "@/lib/csv/csv";
import type { GapReason } from "@/lib/domain/coverage-reference";
import { isPastDue } from "@/lib/domain/overdue";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { referenceScope } from "@/lib/server/crosswalks/reference-scope";
import { systemFrameworkKeys } from "@/lib/server/crosswalks/system-framework-keys";
import { loadCoverageLabels, nameOf } from "@/lib/server/dashboard/coverage-labels";
import { GAP_REASON_LABELS, RISK_TIER_LABELS } from "@/lib/view/coverage/labels";
import {
  gapFiltersOf,
  gapReferenceOf,
  type GapSearchState,
  gapSortOf,
} from "@/lib/view/dashboard/gap-search";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

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
  "overdue",
  "reasons",
  "references",
] as const;

/**
 * Every gap matching the filters (the page is ignored), in gap order, as CSV. User text (system
 * names, owner names) goes through toCsv, which neutralises formula triggers. `references` lists
 * the external references (`<catalogue>:<entry>`) the workspace's crosswalks relate to the domain.
 */
export async function exportGapsCsv(input: {
  workspaceId: string;
  search: GapSearchState;
  now?: Date;
}): Promise<string> {
  const now = input.now ?? new Date();
  const mapping = await loadActiveMapping(input.workspaceId);
  const reference = gapReferenceOf(input.search);
  const scope = reference
    ? await referenceScope({ workspaceId: input.workspaceId, reference, mapping })
    : undefined;
  const [labels, list, frameworkOf] = await Promise.all([
    loadCoverageLabels(input.workspaceId),
    getGapList({
      workspaceId: input.workspaceId,
      now,
      scope,
      filters: gapFiltersOf(input.search),
      sort: gapSortOf(input.search),
      limit: GAPS_CSV_MAX_ROWS,
    }),
    systemFrameworkKeys(input.workspaceId),
  ]);
  const referencesOf = (systemId: string, domainKey: string) =>
    referencesForRow(mapping, frameworkOf.get(systemId) ?? "", domainKey)
      .map((r) => `${r.catalogue}:${r.entry}`)
      .filter((value, index, all) => all.indexOf(value) === index)
      .join("; ");
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
      isPastDue(row.dueDate, now) ? "yes" : "no",
      row.reasons.map((r) => GAP_REASON_LABELS[r as GapReason]).join("; "),
      referencesOf(row.systemId, row.domainKey),
    ]),
  );
}

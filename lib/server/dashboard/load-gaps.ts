import "server-only";

import { mappingPairs } from "@/lib/crosswalks/active-mapping";
import { GAP_REASONS } from "@/lib/domain/coverage-reference";
import { RISK_TIERS } from "@/lib/domain/responsibility";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { referenceScope } from "@/lib/server/crosswalks/reference-scope";
import { loadCoverageLabels } from "@/lib/server/dashboard/coverage-labels";
import { toGapView } from "@/lib/server/dashboard/gap-view";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import {
  gapFiltersOf,
  gapReferenceOf,
  type GapSearchState,
  gapSortOf,
} from "@/lib/view/dashboard/gap-search";
import type { GapFilterOptions, GapsPageData } from "@/lib/view/dashboard/types";

export const GAPS_PAGE_SIZE = 25;

/** One page of the filtered gap list, straight from the engine's getGapList. */
export async function loadGaps(input: {
  workspaceId: string;
  search: GapSearchState;
  now?: Date;
}): Promise<GapsPageData> {
  const pageSize = GAPS_PAGE_SIZE;
  const reference = gapReferenceOf(input.search);
  const scope = reference
    ? await referenceScope({ workspaceId: input.workspaceId, reference })
    : undefined;
  const [labels, list] = await Promise.all([
    loadCoverageLabels(input.workspaceId),
    getGapList({
      workspaceId: input.workspaceId,
      now: input.now,
      scope,
      filters: gapFiltersOf(input.search),
      sort: gapSortOf(input.search),
      limit: pageSize,
      offset: (input.search.page - 1) * pageSize,
    }),
  ]);
  return {
    total: list.total,
    page: input.search.page,
    pageCount: Math.max(1, Math.ceil(list.total / pageSize)),
    pageSize,
    rows: list.rows.map((row) => toGapView(row, labels.domains, input.now)),
  };
}

/** Choices of the filters: this workspace's domains, models and members only. */
export async function loadGapFilterOptions(workspaceId: string): Promise<GapFilterOptions> {
  const [labels, members, mapping] = await Promise.all([
    loadCoverageLabels(workspaceId),
    memberDirectory(workspaceId),
    loadActiveMapping(workspaceId),
  ]);
  const mapped = new Set(mappingPairs(mapping).map((p) => `${p.catalogue}:${p.entry}`));
  return {
    reasons: GAP_REASONS,
    riskTiers: RISK_TIERS,
    domains: labels.domains.map((d) => ({ value: d.key, label: d.name })),
    models: labels.models.map((m) => ({ value: m.key, label: m.name })),
    owners: [...members.values()].map((m) => ({ value: m.id, label: m.name })),
    references: mapping.catalogues.flatMap((catalogue) =>
      catalogue.entries
        .filter((entry) => mapped.has(`${catalogue.key}:${entry.id}`))
        .map((entry) => ({
          value: `${catalogue.key}:${entry.id}`,
          label: `${entry.id} ${entry.title}`,
          group: catalogue.name,
        })),
    ),
  };
}

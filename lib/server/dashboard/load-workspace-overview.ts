import "server-only";

import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import { daysUntilDue } from "@/lib/domain/overdue";
import { countDueGaps } from "@/lib/server/coverage/count-due-gaps";
import { toSummary } from "@/lib/server/coverage/coverage-summary-sql";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getTrend, type TrendPoint } from "@/lib/server/coverage/get-trend";
import {
  type CoverageLabels,
  loadCoverageLabels,
  nameOf,
} from "@/lib/server/dashboard/coverage-labels";
import { toGapView } from "@/lib/server/dashboard/gap-view";
import { loadHeatmap } from "@/lib/server/dashboard/load-heatmap";
import { cachedPerRevision } from "@/lib/server/dashboard/overview-cache";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { listPlans } from "@/lib/server/plans/list-plans";
import { toHeatmapGrid } from "@/lib/view/dashboard/heatmap-grid";
import { pageOf } from "@/lib/view/dashboard/paging";
import type {
  DueWork,
  ExpiringEvidence,
  GapView,
  HeatmapData,
  NamedCoverage,
  OverviewView,
  OwnerDuties,
} from "@/lib/view/dashboard/types";

export type WorkspaceOverviewData = {
  activeSystems: number;
  summary: CoverageSummary;
  byDomain: NamedCoverage[];
  byModel: NamedCoverage[];
  heatmap: HeatmapData;
  trend: TrendPoint[];
  topGaps: { total: number; rows: GapView[] };
  expiring: { total: number; items: ExpiringEvidence[] };
  due: DueWork;
  owners: OwnerDuties[];
  labels: CoverageLabels;
};

export const OVERVIEW_TREND_DAYS = 90;
export const OVERVIEW_TOP_GAPS = 8;
export const OVERVIEW_HEATMAP_SYSTEMS = 12;

export const OVERVIEW_OWNERS_PAGE_SIZE = 25;
/** "Due soon" on the overview: from today through this many days. */
export const OVERVIEW_DUE_DAYS = 30;
const OVERVIEW_NEXT_DUE = 5;

/**
 * What the overview page draws: the cached overview with one page of its owners (the owner list
 * grows with the team, so the page shows it a page at a time). Pure and cheap: it runs on every
 * request, over the overview the cache shares.
 */
export function overviewView(
  data: WorkspaceOverviewData,
  input: { ownersPage: number },
): OverviewView {
  return {
    activeSystems: data.activeSystems,
    summary: data.summary,
    byDomain: data.byDomain,
    byModel: data.byModel,
    heatmap: { grid: toHeatmapGrid(data.heatmap), totalSystems: data.heatmap.totalSystems },
    trend: data.trend.map(({ day, coverage, coveredDuties, totalDuties }) => ({
      day,
      coverage,
      coveredDuties,
      totalDuties,
    })),
    trendDays: OVERVIEW_TREND_DAYS,
    topGaps: data.topGaps,
    expiring: data.expiring,
    due: data.due,
    owners: pageOf(data.owners, input.ownersPage, OVERVIEW_OWNERS_PAGE_SIZE),
  };
}

/**
 * Everything the workspace overview shows, every number from the coverage engine (the trend from
 * the daily snapshots the scheduled job takes, lib/server/coverage/snapshot-jobs.ts). Without a
 * pinned `now` the result is shared per workspace revision (overview-cache.ts); with one (tests)
 * it is computed afresh.
 */
export async function loadWorkspaceOverview(input: {
  workspaceId: string;
  now?: Date;
}): Promise<WorkspaceOverviewData> {
  if (input.now) return computeOverview(input.workspaceId, input.now);
  return cachedPerRevision({
    workspaceId: input.workspaceId,
    name: "overview",
    compute: (background) =>
      computeOverview(input.workspaceId, new Date(), background ? "one by one" : "all at once"),
  });
}

/**
 * Runs the tasks all at once, or one after another. The overview's nine aggregates at once are
 * fastest when someone waits for them, but they take nine pooled connections and every database
 * core for over a second: a refresh nobody waits for ran them like that once a minute, and the
 * pages served meanwhile queued for a connection behind it. One by one it takes longer and leaves
 * the pool and the cores to the requests.
 */
async function runTasks<T extends readonly (() => Promise<unknown>)[]>(
  tasks: T,
  mode: "all at once" | "one by one",
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (mode === "all at once") return (await Promise.all(tasks.map((task) => task()))) as Results;
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as Results;
}

async function computeOverview(
  workspaceId: string,
  now: Date,
  mode: "all at once" | "one by one" = "all at once",
): Promise<WorkspaceOverviewData> {
  const [
    labels,
    summary,
    byDomain,
    byModel,
    byOwner,
    heatmap,
    trend,
    gaps,
    expiring,
    dueCounts,
    nextDue,
    overduePlans,
  ] = await runTasks(
    [
      () => loadCoverageLabels(workspaceId),
      () => getCoverage({ workspaceId, now }),
      () => getCoverageBy({ workspaceId, now, groupBy: "domain" }),
      () => getCoverageBy({ workspaceId, now, groupBy: "deploymentModel" }),
      () => getCoverageBy({ workspaceId, now, groupBy: "owner" }),
      () => loadHeatmap({ workspaceId, now, limit: OVERVIEW_HEATMAP_SYSTEMS }),
      () => getTrend({ workspaceId, now, days: OVERVIEW_TREND_DAYS }),
      () => getGapList({ workspaceId, now, limit: OVERVIEW_TOP_GAPS }),
      () =>
        listEvidence({
          workspaceId,
          now,
          query: { state: ["expiring_soon"], page: 1, pageSize: 5 },
        }),
      () => countDueGaps({ workspaceId, now, days: OVERVIEW_DUE_DAYS }),
      // The soonest due gaps that are not late yet (the late ones are counted above).
      () =>
        getGapList({
          workspaceId,
          now,
          filters: { overdue: false },
          sort: "due",
          limit: OVERVIEW_NEXT_DUE,
        }),
      () => listPlans({ workspaceId, now, filters: { overdue: true }, pageSize: 1 }),
    ] as const,
    mode,
  );
  const domainOrder = new Map(labels.domains.map((d, index) => [d.key, index]));
  const modelOrder = new Map(labels.models.map((m, index) => [m.key, index]));
  const named = (
    rows: typeof byDomain,
    list: CoverageLabels["domains"],
    order: Map<string, number>,
  ) =>
    rows
      .filter((row): row is typeof row & { key: string } => row.key !== null)
      .map((row) => ({ ...toSummary(row), key: row.key, name: nameOf(list, row.key) }))
      .sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9));
  return {
    activeSystems: heatmap.totalSystems,
    summary,
    byDomain: named(byDomain, labels.domains, domainOrder),
    byModel: named(byModel, labels.models, modelOrder),
    heatmap,
    trend,
    topGaps: {
      total: gaps.total,
      rows: gaps.rows.map((row) => toGapView(row, labels.domains)),
    },
    expiring: {
      total: expiring.total,
      items: expiring.items.map((item) => ({
        id: item.id,
        title: item.title,
        validUntil: item.validUntil ? new Date(item.validUntil).toISOString() : null,
      })),
    },
    due: {
      days: OVERVIEW_DUE_DAYS,
      overdueGaps: dueCounts.overdue,
      dueSoonGaps: dueCounts.dueSoon,
      overduePlans: overduePlans.total,
      next: nextDue.rows
        .filter((row) => isDueWithin(row.dueDate, now, OVERVIEW_DUE_DAYS))
        .map((row) => toGapView(row, labels.domains)),
    },
    owners: byOwner
      .map((row) => ({
        ownerId: row.key,
        // An owner id that is no member any more (left the workspace) has no name here.
        name: row.key === null ? "Nobody (unowned)" : (row.label ?? "Former member"),
        openDuties: row.totalDuties - row.coveredDuties,
        totalDuties: row.totalDuties,
      }))
      .filter((row) => row.openDuties > 0)
      .sort((a, b) => b.openDuties - a.openDuties || a.name.localeCompare(b.name)),
    labels,
  };
}

function isDueWithin(dueDate: Date | string | null, now: Date, days: number): boolean {
  return dueDate !== null && daysUntilDue(dueDate, now) <= days;
}

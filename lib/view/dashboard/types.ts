/**
 * What the dashboards show, as plain data: the loaders in lib/server/dashboard return these and
 * the components in components/dashboard draw them. JSON-safe (dates as ISO text), so client
 * components can take them as props. No React, no server code.
 */
import type { CoverageSummary, GapReason } from "@/lib/domain/coverage-reference";
import type { HeatmapGrid } from "@/lib/view/dashboard/heatmap-grid";

/**
 * State of one duty (system × domain), as the coverage engine reports it
 * (lib/server/coverage/get-heatmap.ts; load-heatmap.ts checks that both lists agree).
 */
export type HeatmapState = "covered" | "partly" | "gap" | "not_applicable";

/** A framework key with its display name (a domain or a deployment model). */
export type LabelledKey = { key: string; name: string };

/** Coverage of one group (a domain, a deployment model…). */
export type NamedCoverage = CoverageSummary & { key: string; name: string };

/** A gap as the tables show it. */
export type GapView = {
  dutyId: string;
  systemId: string;
  systemName: string;
  domainKey: string;
  domainName: string;
  side: "CUSTOMER" | "PROVIDER";
  critical: boolean;
  riskTier: string | null;
  dueDate: string | null;
  /** The due date has passed (lib/domain/overdue.ts); every gap is open work. */
  overdue: boolean;
  ownerName: string | null;
  ownerId: string | null;
  reasons: GapReason[];
};

export type HeatmapCellView = {
  domainKey: string;
  value: "P" | "C" | "S" | "NA";
  critical: boolean;
  state: HeatmapState;
  coveredDuties: number;
  totalDuties: number;
};

export type HeatmapRow = {
  systemId: string;
  systemName: string;
  coveredDuties: number;
  totalDuties: number;
  cells: HeatmapCellView[];
};

export type HeatmapData = {
  /** Columns: the domains any shown system has, in framework order. */
  domains: LabelledKey[];
  rows: HeatmapRow[];
  /** Active systems in the workspace (the rows shown may be fewer). */
  totalSystems: number;
  offset: number;
};

export type OwnerDuties = {
  /** null: parts nobody owns yet. */
  ownerId: string | null;
  name: string;
  openDuties: number;
  totalDuties: number;
};

/** One page of a list that the server pages through (1-based `page`). */
export type ListPage<T> = {
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  rows: T[];
};

export type GapsPageData = ListPage<GapView>;

export type Option = { value: string; label: string; group?: string };

export type GapFilterOptions = {
  reasons: readonly string[];
  riskTiers: readonly string[];
  domains: Option[];
  models: Option[];
  owners: Option[];
  /** External references some crosswalk relates to a domain, grouped by catalogue. */
  references: Option[];
};

export type ExpiringEvidence = { id: string; title: string; validUntil: string | null };

/** One day of the coverage trend (a daily snapshot). */
export type TrendRow = {
  day: string;
  coverage: number | null;
  coveredDuties: number;
  totalDuties: number;
};

/** Work by due date (lib/domain/overdue.ts): what is late and what falls due in `days` days. */
export type DueWork = {
  days: number;
  overdueGaps: number;
  dueSoonGaps: number;
  overduePlans: number;
  /** The soonest due gaps that are not late yet, within `days`. */
  next: GapView[];
};

/** What the overview page draws (components/dashboard/workspace-overview.tsx). */
export type OverviewView = {
  activeSystems: number;
  summary: CoverageSummary;
  byDomain: NamedCoverage[];
  byModel: NamedCoverage[];
  /** The systems that need most work, of `totalSystems` active ones. */
  heatmap: { grid: HeatmapGrid; totalSystems: number };
  trend: TrendRow[];
  trendDays: number;
  topGaps: { total: number; rows: GapView[] };
  expiring: { total: number; items: ExpiringEvidence[] };
  due: DueWork;
  /** One page of the owners with open parts, most open parts first. */
  owners: ListPage<OwnerDuties>;
};

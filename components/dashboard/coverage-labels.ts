/**
 * Words for the coverage engine's codes, shared by the dashboards, the gaps page (client) and the
 * gaps CSV (server). Plain data: no React, no server code.
 */
import type { HeatmapState } from "@/lib/server/coverage/get-heatmap";

export {
  GAP_REASON_FIXES,
  GAP_REASON_LABELS,
  RISK_TIER_LABELS,
  SIDE_LABELS,
} from "@/lib/view/coverage/labels";

export const HEATMAP_STATE_LABELS: Record<HeatmapState, string> = {
  covered: "Covered",
  partly: "Partly covered",
  gap: "Gap",
  not_applicable: "Not applicable",
};

/** "42 %" with no decimals, or an en dash when there is nothing to divide (a null rate). */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)} %`;
}

/** The URL of one duty on its system page (the system page gives each domain this anchor). */
export function dutyHref(input: { slug: string; systemId: string; domainKey: string }): string {
  return `/w/${encodeURIComponent(input.slug)}/systems/${encodeURIComponent(input.systemId)}#domain-${encodeURIComponent(input.domainKey)}`;
}

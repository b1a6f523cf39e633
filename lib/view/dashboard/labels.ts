/**
 * Words and links of the dashboards, shared by their components (server and client) and the
 * loaders. Plain data: no React, no server code. The coverage engine's codes (gap reasons, sides,
 * risk tiers) have their words in lib/view/coverage/labels.ts.
 */
import type { HeatmapState } from "@/lib/view/dashboard/types";

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

/** The URL of one AI system's page. */
export function systemHref(input: { slug: string; systemId: string }): string {
  return `/w/${encodeURIComponent(input.slug)}/systems/${encodeURIComponent(input.systemId)}`;
}

/** The URL of one duty on its system page (the system page gives each domain this anchor). */
export function dutyHref(input: { slug: string; systemId: string; domainKey: string }): string {
  return `${systemHref(input)}#domain-${encodeURIComponent(input.domainKey)}`;
}

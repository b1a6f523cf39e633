"use client";

import { useMemo } from "react";

import {
  dutyHref,
  GAP_REASON_FIXES,
  GAP_REASON_LABELS,
  RISK_TIER_LABELS,
  SIDE_LABELS,
} from "@/components/dashboard/coverage-labels";
import { type Markup, markup } from "@/components/markup/html";
import { MarkupIsland } from "@/components/markup/markup-island";
import { badgeVariants } from "@/components/ui/badge";
import { TABLE_CLASSES as T } from "@/components/ui/table";
import type { GapReason } from "@/lib/domain/coverage-reference";

/** A gap as the tables show it: JSON-safe (dates as ISO text) so client components can use it. */
export type GapView = {
  partId: string;
  systemId: string;
  systemName: string;
  domainKey: string;
  domainName: string;
  side: "CUSTOMER" | "PROVIDER";
  critical: boolean;
  riskTier: string | null;
  dueDate: string | null;
  ownerName: string | null;
  ownerId: string | null;
  reasons: GapReason[];
};

// CriticalBadge (components/ui/status-badge.tsx) as markup: lucide's Flame and the word.
const CRITICAL_BADGE = markup`<span class="${badgeVariants({ variant: "destructive" })}"><svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="lucide lucide-flame" aria-hidden="true"><path d="M12 3q1 4 4 6.5t3 5.5a1 1 0 0 1-14 0 5 5 0 0 1 1-3 1 1 0 0 0 5 0c0-2-1.5-3-1.5-5q0-2 2.5-4"></path></svg>Critical</span>`;
const REASON_BADGE_CLASS = badgeVariants({ variant: "warning" });

/** The table of GapTable, as markup (a gap list can be long; see markup-island.tsx). */
export function gapTableMarkup({
  slug,
  gaps,
  caption,
  showSystem = true,
}: {
  slug: string;
  gaps: GapView[];
  caption: string;
  showSystem?: boolean;
}): Markup {
  const heads = [
    ...(showSystem ? ["AI system"] : []),
    "Domain",
    "Part",
    "Why it is a gap",
    "Owner",
    "Risk tier",
    "Due",
  ].map((label) => markup`<th scope="col" class="${T.head}">${label}</th>`);
  const rows = gaps.map((gap) => {
    const system = showSystem
      ? markup`<td class="${T.cell} font-medium"><a class="underline-offset-4 hover:underline" href="/w/${slug}/systems/${gap.systemId}">${gap.systemName}</a></td>`
      : null;
    const reasons = gap.reasons.map(
      (reason) =>
        markup`<li><span class="${REASON_BADGE_CLASS}" title="${GAP_REASON_FIXES[reason]}">${GAP_REASON_LABELS[reason]}</span></li>`,
    );
    const fix = gap.reasons[0] ? GAP_REASON_FIXES[gap.reasons[0]] : "Open";
    const href = dutyHref({ slug, systemId: gap.systemId, domainKey: gap.domainKey });
    return markup`<tr class="${T.row}">${system}<td class="${T.cell}"><span class="flex flex-wrap items-center gap-1">${gap.domainName}${gap.critical ? CRITICAL_BADGE : null}</span></td><td class="${T.cell}">${SIDE_LABELS[gap.side]}</td><td class="${T.cell}"><ul class="flex flex-wrap gap-1">${reasons}</ul></td><td class="${T.cell}">${gap.ownerName ?? markup`<span class="text-muted-foreground">nobody</span>`}</td><td class="${T.cell}">${gap.riskTier ? RISK_TIER_LABELS[gap.riskTier] : "—"}</td><td class="${T.cell} tabular-nums">${gap.dueDate?.slice(0, 10) ?? "—"}</td><td class="${T.cell}"><a class="font-medium text-primary underline-offset-4 hover:underline" href="${href}">${fix}<span class="sr-only"> : ${gap.systemName}, ${gap.domainName}, ${SIDE_LABELS[gap.side].toLowerCase()}</span></a></td></tr>`;
  });
  return markup`<table class="${T.table}"><caption class="${T.caption} sr-only">${caption}</caption><thead class="${T.header}"><tr class="${T.row}">${heads}<th scope="col" class="${T.head}"><span class="sr-only">Fix</span></th></tr></thead><tbody class="${T.body}">${rows}</tbody></table>`;
}

/** Gaps with their reasons and a link to fix each one (the duty on its system page). */
export function GapTable(props: {
  slug: string;
  gaps: GapView[];
  caption: string;
  showSystem?: boolean;
}) {
  const { slug, gaps, caption, showSystem } = props;
  const table = useMemo(
    () => gapTableMarkup({ slug, gaps, caption, showSystem }),
    [slug, gaps, caption, showSystem],
  );
  return <MarkupIsland className={T.container} markup={table} />;
}

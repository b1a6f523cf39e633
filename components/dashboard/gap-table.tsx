import Link from "next/link";

import {
  dutyHref,
  GAP_REASON_FIXES,
  GAP_REASON_LABELS,
  RISK_TIER_LABELS,
  SIDE_LABELS,
} from "@/components/dashboard/coverage-labels";
import { Badge } from "@/components/ui/badge";
import { CriticalBadge } from "@/components/ui/status-badge";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
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

/** Gaps with their reasons and a link to fix each one (the duty on its system page). */
export function GapTable({
  slug,
  gaps,
  caption,
  showSystem = true,
}: {
  slug: string;
  gaps: GapView[];
  caption: string;
  showSystem?: boolean;
}) {
  return (
    <Table>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {showSystem ? <TableHead>AI system</TableHead> : null}
          <TableHead>Domain</TableHead>
          <TableHead>Part</TableHead>
          <TableHead>Why it is a gap</TableHead>
          <TableHead>Owner</TableHead>
          <TableHead>Risk tier</TableHead>
          <TableHead>Due</TableHead>
          <TableHead>
            <span className="sr-only">Fix</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {gaps.map((gap) => (
          <TableRow key={gap.partId}>
            {showSystem ? (
              <TableCell className="font-medium">
                <Link
                  className="underline-offset-4 hover:underline"
                  href={`/w/${slug}/systems/${gap.systemId}`}
                >
                  {gap.systemName}
                </Link>
              </TableCell>
            ) : null}
            <TableCell>
              <span className="flex flex-wrap items-center gap-1">
                {gap.domainName}
                {gap.critical ? <CriticalBadge /> : null}
              </span>
            </TableCell>
            <TableCell>{SIDE_LABELS[gap.side]}</TableCell>
            <TableCell>
              <ul className="flex flex-wrap gap-1">
                {gap.reasons.map((reason) => (
                  <li key={reason}>
                    <Badge variant="warning" title={GAP_REASON_FIXES[reason]}>
                      {GAP_REASON_LABELS[reason]}
                    </Badge>
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell>
              {gap.ownerName ?? <span className="text-muted-foreground">nobody</span>}
            </TableCell>
            <TableCell>{gap.riskTier ? RISK_TIER_LABELS[gap.riskTier] : "—"}</TableCell>
            <TableCell className="tabular-nums">{gap.dueDate?.slice(0, 10) ?? "—"}</TableCell>
            <TableCell>
              <Link
                className="font-medium text-primary underline-offset-4 hover:underline"
                href={dutyHref({ slug, systemId: gap.systemId, domainKey: gap.domainKey })}
              >
                {gap.reasons[0] ? GAP_REASON_FIXES[gap.reasons[0]] : "Open"}
                <span className="sr-only">
                  {" "}
                  : {gap.systemName}, {gap.domainName}, {SIDE_LABELS[gap.side].toLowerCase()}
                </span>
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import Link from "next/link";

import { CoverageStateBadge } from "@/components/dashboard/coverage-state-badge";
import { Badge } from "@/components/ui/badge";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge } from "@/components/ui/status-badge";
import type { SystemCoverageData } from "@/lib/server/dashboard/load-system-coverage";
import { GAP_REASON_FIXES, GAP_REASON_LABELS } from "@/lib/view/coverage/labels";
import { dutyHref, formatRate } from "@/lib/view/dashboard/labels";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

/**
 * One system's coverage for its page: the headline numbers, then every domain with its state and,
 * for each uncovered part, why and a link to the place to fix it (the duty's anchor on the page).
 */
export function SystemCoverage({
  slug,
  systemId,
  data,
}: {
  slug: string;
  systemId: string;
  data: SystemCoverageData;
}) {
  const { summary } = data;
  return (
    <section
      aria-labelledby="system-coverage-heading"
      className="grid min-w-0 grid-cols-1 gap-3 rounded-xl border bg-card p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="system-coverage-heading" className="text-lg font-semibold">
          Coverage
        </h2>
        <p className="text-sm" data-testid="system-coverage-value">
          <span className="text-xl font-semibold tabular-nums">{formatRate(summary.coverage)}</span>{" "}
          <span className="text-muted-foreground">
            ({summary.coveredDuties} of {summary.totalDuties} parts)
          </span>
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {(
          [
            ["Owned", summary.ownedRate],
            ["Implemented", summary.implementedRate],
            ["Evidenced", summary.evidencedRate],
            ["Provider-assured", summary.providerAssuredRate],
          ] as const
        ).map(([label, rate]) => (
          <div key={label}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="font-medium tabular-nums">{formatRate(rate)}</dd>
          </div>
        ))}
      </dl>
      {/* Scrolls inside the card on a narrow screen rather than widening the page. */}
      <div
        className="relative overflow-x-auto"
        role="region"
        aria-label="Coverage by domain"
        tabIndex={0}
      >
        <table className="w-full text-sm">
          <caption className="sr-only">
            Coverage of each security domain, with the reason for every gap
          </caption>
          <thead>
            <tr className="text-left text-muted-foreground">
              <th scope="col" className="py-1 pr-3 font-medium">
                Domain
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Duty
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                State
              </th>
              <th scope="col" className="py-1 font-medium">
                Gaps and how to close them
              </th>
            </tr>
          </thead>
          <tbody>
            {data.domains.map((domain) => (
              <tr key={domain.domainKey} className="border-t align-top">
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  <span className="flex flex-wrap items-center gap-1">
                    {domain.domainName}
                    {domain.critical ? <CriticalBadge /> : null}
                  </span>
                </th>
                <td className="py-2 pr-3">
                  <ResponsibilityBadge value={domain.value} display="code" />
                </td>
                <td className="py-2 pr-3">
                  <CoverageStateBadge state={domain.state} />
                  {domain.totalDuties > 0 ? (
                    <span className="ml-1 text-xs text-muted-foreground tabular-nums">
                      {domain.coveredDuties}/{domain.totalDuties}
                    </span>
                  ) : null}
                </td>
                <td className="py-2">
                  {domain.gaps.length === 0 ? (
                    <span className="text-muted-foreground">—</span>
                  ) : (
                    <ul className="grid gap-1">
                      {domain.gaps.map((gap) => (
                        <li key={gap.dutyId} className="flex flex-wrap items-center gap-1">
                          <span className="font-medium">{SIDE_LABELS[gap.side]}:</span>
                          {gap.reasons.map((reason) => (
                            <Badge key={reason} variant="warning">
                              {GAP_REASON_LABELS[reason]}
                            </Badge>
                          ))}
                          <Link
                            className="text-primary underline-offset-4 hover:underline"
                            href={dutyHref({ slug, systemId, domainKey: domain.domainKey })}
                          >
                            {gap.reasons[0] ? GAP_REASON_FIXES[gap.reasons[0]] : "Open"}
                            <span className="sr-only"> for {domain.domainName}</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

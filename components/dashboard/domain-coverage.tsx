import Link from "next/link";

import { CoverageBreakdown } from "@/components/dashboard/coverage-breakdown";
import { CoverageHeadline } from "@/components/dashboard/coverage-headline";
import { CoverageStateBadge } from "@/components/dashboard/coverage-state-badge";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge, DutyStatusBadge } from "@/components/ui/status-badge";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { DomainCoverageData } from "@/lib/server/dashboard/load-domain-coverage";
import { GAP_REASON_LABELS } from "@/lib/view/coverage/labels";
import { dutyHref } from "@/lib/view/dashboard/labels";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

/** One security domain across all systems: headline, by model, and every system's parts. */
export function DomainCoverage({ slug, data }: { slug: string; data: DomainCoverageData }) {
  const href = `/w/${slug}/domains/${encodeURIComponent(data.domain.key)}`;
  return (
    <div className="grid gap-6">
      <CoverageHeadline summary={data.summary} />
      <section
        aria-labelledby="domain-model-heading"
        className="grid gap-3 rounded-xl border bg-card p-4"
      >
        <h2 id="domain-model-heading" className="text-base font-semibold">
          By deployment model
        </h2>
        <CoverageBreakdown
          caption={`Coverage of ${data.domain.name} by deployment model`}
          groupLabel="Deployment model"
          rows={data.byModel}
        />
      </section>
      <section aria-labelledby="domain-systems-heading" className="grid gap-3">
        <h2 id="domain-systems-heading" className="text-base font-semibold">
          AI systems ({data.totalSystems}), gaps first
        </h2>
        <Table>
          <TableCaption className="sr-only">
            Each AI system&apos;s duty in {data.domain.name}: state, parts, owners and reasons
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>AI system</TableHead>
              <TableHead>Duty</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Parts: status, owner, why uncovered</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.systems.map((system) => (
              <TableRow key={system.systemId}>
                <TableCell className="font-medium">
                  <Link
                    className="underline-offset-4 hover:underline"
                    href={dutyHref({ slug, systemId: system.systemId, domainKey: data.domain.key })}
                  >
                    {system.systemName}
                  </Link>
                </TableCell>
                <TableCell>
                  <span className="flex items-center gap-1">
                    <ResponsibilityBadge value={system.value} display="code" />
                    {system.critical ? <CriticalBadge /> : null}
                  </span>
                </TableCell>
                <TableCell>
                  <CoverageStateBadge state={system.state} />
                </TableCell>
                <TableCell>
                  {system.parts.length === 0 ? (
                    <span className="text-muted-foreground">No parts</span>
                  ) : (
                    <ul className="grid gap-1">
                      {system.parts.map((part) => (
                        <li key={part.id} className="flex flex-wrap items-center gap-1">
                          <span className="font-medium">{SIDE_LABELS[part.side]}:</span>
                          <DutyStatusBadge status={part.status} />
                          <span>owner {part.ownerName ?? "nobody"}</span>
                          {part.covered ? (
                            <Badge variant="success">Covered</Badge>
                          ) : (
                            part.reasons.map((reason) => (
                              <Badge key={reason} variant="warning">
                                {GAP_REASON_LABELS[reason]}
                              </Badge>
                            ))
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Pagination
          page={data.page}
          pageCount={data.pageCount}
          href={href}
          totalItems={data.totalSystems}
          itemLabel="systems"
        />
      </section>
    </div>
  );
}

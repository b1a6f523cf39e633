import { Cpu } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { CoverageBreakdown } from "@/components/dashboard/coverage-breakdown";
import { CoverageHeadline } from "@/components/dashboard/coverage-headline";
import { HeatmapLegend } from "@/components/dashboard/coverage-heatmap";
import { CoverageTrend } from "@/components/dashboard/coverage-trend";
import { GapTable } from "@/components/dashboard/gap-table";
import { HeatmapTable } from "@/components/dashboard/heatmap-table";
import { OwnerDutiesTable } from "@/components/dashboard/owner-duties-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { dutyHref } from "@/lib/view/dashboard/labels";
import type { OverviewView } from "@/lib/view/dashboard/types";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      // min-w-0 and one shrinkable column: a wide table scrolls inside its card instead of
      // widening the page; content-start keeps a short card's content at its top.
      className="grid min-w-0 grid-cols-1 content-start gap-3 rounded-xl border bg-card p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

const linkClass = "text-sm font-medium text-primary underline-offset-4 hover:underline";

/**
 * The workspace's coverage dashboard, a server component: every number comes from
 * loadWorkspaceOverview, i.e. from the coverage engine. Only the charts, the heat map (fed a compact
 * grid) and the owners' table (TanStack Table, paged on the server: `ownersPageParam`) run in the
 * browser.
 */
export function WorkspaceOverview({
  workspace,
  data,
  canRegisterSystems = false,
  ownersPageParam,
}: {
  workspace: { slug: string; name: string };
  data: OverviewView;
  canRegisterSystems?: boolean;
  ownersPageParam: string;
}) {
  const base = `/w/${encodeURIComponent(workspace.slug)}`;
  if (data.activeSystems === 0)
    return (
      <EmptyState
        icon={Cpu}
        title="No AI systems yet"
        description="Coverage starts with step one of the framework: register each AI system and choose its deployment models. Its duties are derived from the matrix, and this page fills in."
        action={
          canRegisterSystems ? (
            <Button asChild>
              <Link href={`${base}/systems/new`}>Register an AI system</Link>
            </Button>
          ) : (
            <Button asChild variant="outline">
              <Link href={`${base}/systems`}>AI systems</Link>
            </Button>
          )
        }
      />
    );
  const { heatmap } = data;
  const capped = heatmap.grid.rows.length < heatmap.totalSystems;
  return (
    <div className="grid grid-cols-1 gap-6">
      <section aria-labelledby="headline-heading" className="grid gap-2">
        <h2 id="headline-heading" className="sr-only">
          Coverage
        </h2>
        <CoverageHeadline summary={data.summary} />
        <p className="text-xs text-muted-foreground">
          A part is covered when it has an owner, is implemented and has current evidence (or a
          justified exception); a provider part when a current attestation backs it.{" "}
          {`${data.activeSystems} active AI ${data.activeSystems === 1 ? "system" : "systems"}.`}
        </p>
      </section>

      <Section
        id="heatmap-heading"
        title={
          capped
            ? `Heat map: the ${heatmap.grid.rows.length} systems that need most work`
            : "Heat map"
        }
        action={
          <Link className={linkClass} href={`${base}/coverage/heatmap`}>
            {capped ? `Show all ${heatmap.totalSystems} systems` : "Open the full heat map"}
          </Link>
        }
      >
        <HeatmapLegend />
        <HeatmapTable
          slug={workspace.slug}
          grid={heatmap.grid}
          caption="Coverage state of every duty, AI systems by security domain. Each cell opens the duty."
        />
      </Section>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Section id="by-domain-heading" title="By security domain">
          <CoverageBreakdown
            caption="Coverage by security domain"
            groupLabel="Domain"
            rows={data.byDomain}
          />
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {data.byDomain.map((domain) => (
              <li key={domain.key}>
                <Link
                  className={linkClass}
                  href={`${base}/domains/${encodeURIComponent(domain.key)}`}
                >
                  {domain.name}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="by-model-heading" title="By deployment model">
          <CoverageBreakdown
            caption="Coverage by deployment model"
            groupLabel="Deployment model"
            rows={data.byModel}
          />
        </Section>
      </div>

      <Section id="trend-heading" title="Trend">
        <CoverageTrend points={data.trend} days={data.trendDays} />
      </Section>

      <Section
        id="gaps-heading"
        title={`Top gaps (${data.topGaps.total} in all)`}
        action={
          <Link className={linkClass} href={`${base}/gaps`}>
            All gaps
          </Link>
        }
      >
        {data.topGaps.rows.length === 0 ? (
          <p className="text-sm">No gaps: every duty is covered.</p>
        ) : (
          <GapTable
            slug={workspace.slug}
            gaps={data.topGaps.rows}
            caption="Top gaps, critical first"
          />
        )}
      </Section>

      <Section
        id="due-heading"
        title="Due dates"
        action={
          <Link className={linkClass} href={`${base}/gaps?sort=due`}>
            Gaps by due date
          </Link>
        }
      >
        <ul className="grid gap-2 text-sm sm:grid-cols-3" data-testid="due-counts">
          {(
            [
              [
                data.due.overdueGaps,
                data.due.overdueGaps === 1 ? "overdue gap" : "overdue gaps",
                `${base}/gaps?overdue=true&sort=due`,
              ],
              [
                data.due.dueSoonGaps,
                `${data.due.dueSoonGaps === 1 ? "gap" : "gaps"} due in the next ${data.due.days} days`,
                `${base}/gaps?overdue=false&sort=due`,
              ],
              [
                data.due.overduePlans,
                data.due.overduePlans === 1 ? "overdue action plan" : "overdue action plans",
                `${base}/plans?overdue=true`,
              ],
            ] as const
          ).map(([count, label, href]) => (
            <li key={label}>
              <Link
                className="flex items-baseline gap-2 underline-offset-4 hover:underline"
                href={href}
              >
                <span className="text-2xl font-semibold tabular-nums">{count}</span>
                <span>{label}</span>
              </Link>
            </li>
          ))}
        </ul>
        {data.due.next.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {`Nothing falls due in the next ${data.due.days} days.`}
          </p>
        ) : (
          <ul className="grid gap-2 text-sm" aria-label="Falling due next">
            {data.due.next.map((gap) => (
              <li key={gap.dutyId} className="flex flex-wrap justify-between gap-2">
                <Link
                  className="underline-offset-4 hover:underline"
                  href={dutyHref({
                    slug: workspace.slug,
                    systemId: gap.systemId,
                    domainKey: gap.domainKey,
                  })}
                >
                  {`${gap.systemName} · ${gap.domainName} (${SIDE_LABELS[gap.side].toLowerCase()})`}
                </Link>
                <span className="text-muted-foreground tabular-nums">
                  {`due ${gap.dueDate?.slice(0, 10) ?? "—"}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section
          id="expiring-heading"
          title={`Evidence expiring soon (${data.expiring.total})`}
          action={
            <Link className={linkClass} href={`${base}/evidence?state=expiring_soon`}>
              All expiring evidence
            </Link>
          }
        >
          {data.expiring.items.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing expires soon.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {data.expiring.items.map((item) => (
                <li key={item.id} className="flex flex-wrap justify-between gap-2">
                  <Link
                    className="underline-offset-4 hover:underline"
                    href={`${base}/evidence/${encodeURIComponent(item.id)}`}
                  >
                    {item.title}
                  </Link>
                  <span className="text-muted-foreground tabular-nums">
                    {`valid until ${item.validUntil?.slice(0, 10) ?? "—"}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="owners-heading" title="Open duties by owner">
          {data.owners.total === 0 ? (
            <p className="text-sm text-muted-foreground">No open duties.</p>
          ) : (
            <OwnerDutiesTable
              slug={workspace.slug}
              owners={data.owners}
              href={base}
              pageParam={ownersPageParam}
            />
          )}
        </Section>
      </div>
    </div>
  );
}

import { CalendarCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge, DutyStatusBadge } from "@/components/ui/status-badge";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import {
  DUE_GROUPS,
  type DueGroup,
  listMyResponsibilities,
} from "@/lib/server/responsibilities/list-my-responsibilities";
import { toDayString } from "@/lib/validation/responsibilities";

export const metadata: Metadata = { title: "My responsibilities" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const GROUP_TITLES: Record<DueGroup, string> = {
  overdue: "Overdue",
  thisWeek: "Due in the next 7 days",
  later: "Due later",
  noDate: "No due date",
};

export default async function MyResponsibilitiesPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "responsibility.read");
  const includeClosed = (await searchParams).show === "all";
  const { groups, total, truncated } = await listMyResponsibilities({
    workspaceId: auth.workspace.id,
    userId: auth.user.id,
    includeClosed,
  });
  const slug = auth.workspace.slug;
  return (
    <>
      <PageHeader
        title="My responsibilities"
        description="The duties you own on active AI systems, grouped by when they are due. Critical duties come first in each group."
        actions={
          <Link
            className="text-sm underline"
            href={`/w/${slug}/my${includeClosed ? "" : "?show=all"}`}
          >
            {includeClosed ? "Show open duties only" : "Also show finished duties"}
          </Link>
        }
      />
      {total === 0 ? (
        <EmptyState
          icon={CalendarCheck}
          title="Nothing on your list"
          description="When someone makes you the owner of a duty, it appears here."
        />
      ) : (
        <div className="grid gap-6">
          {truncated ? (
            <p className="text-sm text-muted-foreground">Showing the first 1,000 duties.</p>
          ) : null}
          {DUE_GROUPS.map((key) => (
            <section key={key} aria-labelledby={`group-${key}`}>
              <h2 id={`group-${key}`} className="mb-2 text-lg font-semibold">
                {GROUP_TITLES[key]}{" "}
                <span className="text-sm font-normal text-muted-foreground">
                  ({groups[key].length})
                </span>
              </h2>
              {groups[key].length === 0 ? (
                <p className="text-sm text-muted-foreground">None.</p>
              ) : (
                <ul className="grid gap-2">
                  {groups[key].map((part) => (
                    <li
                      key={part.id}
                      className="flex flex-wrap items-center gap-3 rounded-md border bg-card p-3 text-sm"
                    >
                      <Link
                        className="font-medium hover:underline"
                        href={`/w/${slug}/systems/${part.system.id}`}
                      >
                        {part.system.name}
                      </Link>
                      <span>{part.domainName}</span>
                      <ResponsibilityBadge value={part.value} display="code" />
                      {part.critical ? <CriticalBadge /> : null}
                      <DutyStatusBadge status={part.status} />
                      <span className="ml-auto tabular-nums">
                        {toDayString(part.dueDate) ?? "No date"}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}

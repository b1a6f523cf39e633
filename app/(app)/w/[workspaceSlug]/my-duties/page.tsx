import { CalendarCheck } from "lucide-react";
import type { Metadata } from "next";

import { ListFilters } from "@/components/systems/list-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listMyDuties } from "@/lib/server/responsibilities/list-my-duties";
import { DUE_GROUPS, myDutiesQuerySchema, toDayString } from "@/lib/validation/responsibilities";
import { DUE_GROUP_LABELS } from "@/lib/view/duties/labels";

import { MyDutyTable } from "./_components/my-duty-table";

export const metadata: Metadata = { title: "My duties" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function MyDutiesPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "responsibility.read");
  const raw = await searchParams;
  const query = myDutiesQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const list = await listMyDuties({
    workspaceId: auth.workspace.id,
    userId: auth.user.id,
    query,
  });
  const slug = auth.workspace.slug;
  const base = `/w/${slug}/my-duties`;
  const filtered = query.due !== null && query.due !== undefined;
  return (
    <>
      <PageHeader
        title="My duties"
        description="The duties you own on active AI systems: overdue first, then by due date. Critical duties come first in each group."
      />
      <ListFilters
        action={base}
        fields={[
          {
            kind: "select",
            name: "due",
            label: "Due",
            value: query.due,
            options: DUE_GROUPS.map((group) => ({
              value: group,
              label: `${DUE_GROUP_LABELS[group]} (${list.counts[group]})`,
            })),
          },
          {
            kind: "select",
            name: "show",
            label: "Status",
            value: query.show,
            anyLabel: null,
            options: [
              { value: "open", label: "Open (not started, in progress)" },
              { value: "all", label: "All, finished ones too" },
            ],
          },
        ]}
      />
      {list.total === 0 ? (
        <EmptyState
          icon={CalendarCheck}
          title={filtered ? "No duties in this group" : "Nothing on your list"}
          description={
            filtered
              ? "None of your duties falls in this group. Choose another one, or all."
              : query.show === "open"
                ? "You have no open duties. When someone makes you the owner of a duty, it appears here."
                : "When someone makes you the owner of a duty, it appears here."
          }
        />
      ) : (
        <>
          <MyDutyTable
            slug={slug}
            page={{ page: list.page, pageSize: list.pageSize, total: list.total }}
            rows={list.duties.map((duty) => ({
              id: duty.id,
              side: duty.side,
              status: duty.status,
              dueDate: toDayString(duty.dueDate),
              dueGroup: duty.dueGroup,
              domainKey: duty.domainKey,
              domainName: duty.domainName,
              value: duty.value,
              critical: duty.critical,
              system: { id: duty.system.id, name: duty.system.name },
            }))}
          />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            href={base}
            searchParams={raw}
            totalItems={list.total}
            itemLabel="duties"
          />
        </>
      )}
    </>
  );
}

import { Download, ListTodo } from "lucide-react";
import type { Metadata } from "next";

import { PlanTable } from "@/components/plans/plan-table";
import { ListFilters } from "@/components/systems/list-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listPlans } from "@/lib/server/plans/list-plans";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import { PLAN_STATUS_LABELS, PLAN_STATUSES } from "@/lib/validation/plans";
import { parsePlanSearch, planFiltersOf, planSearchParams } from "@/lib/view/plans/plan-search";

export const metadata: Metadata = { title: "Action plans" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Step four of the framework, second half: the plans that close the gaps, with their progress.
export default async function PlansPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "plan.read");
  const raw = await searchParams;
  const search = parsePlanSearch(raw);
  const [list, members] = await Promise.all([
    listPlans({
      workspaceId: auth.workspace.id,
      filters: planFiltersOf(search),
      page: search.page,
    }),
    memberDirectory(auth.workspace.id),
  ]);
  const slug = auth.workspace.slug;
  const base = `/w/${slug}/plans`;
  const exportQuery = planSearchParams(search, { withPage: false }).toString();
  const filtered = Boolean(search.status || search.ownerId || search.overdue);
  return (
    <>
      <PageHeader
        title="Action plans"
        description="Work that closes gaps: each plan names the duties it addresses and is done when every one of them is covered. Open plans come first, soonest due first. Create one from the gap list, a system or a domain."
        actions={
          <Button asChild variant="outline">
            <a href={`${base}/export${exportQuery ? `?${exportQuery}` : ""}`} download>
              <Download aria-hidden="true" /> Export CSV
            </a>
          </Button>
        }
      />
      <ListFilters
        action={base}
        fields={[
          {
            kind: "select",
            name: "status",
            label: "Status",
            value: search.status,
            options: PLAN_STATUSES.map((status) => ({
              value: status,
              label: PLAN_STATUS_LABELS[status],
            })),
          },
          {
            kind: "select",
            name: "ownerId",
            label: "Owner",
            value: search.ownerId,
            options: [...members.values()].map((m) => ({ value: m.id, label: m.name })),
          },
          {
            kind: "select",
            name: "overdue",
            label: "Overdue",
            value: search.overdue,
            options: [
              { value: "true", label: "Overdue only" },
              { value: "false", label: "Not overdue" },
            ],
          },
        ]}
      />
      {list.total === 0 ? (
        <EmptyState
          icon={ListTodo}
          title={filtered ? "No plan matches these filters" : "No action plans yet"}
          description={
            filtered
              ? "Choose other filters, or all."
              : "Select gaps in the gap list and choose “New plan from selection”, or start one from a system or a domain."
          }
        />
      ) : (
        <>
          <PlanTable
            slug={slug}
            rows={list.rows}
            page={{ page: list.page, pageSize: list.pageSize, total: list.total }}
          />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            href={base}
            searchParams={raw}
            totalItems={list.total}
            itemLabel="plans"
          />
        </>
      )}
    </>
  );
}

import { Download, ListChecks } from "lucide-react";
import type { Metadata } from "next";

import { ListFilters, systemFilterFields } from "@/components/systems/list-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { DUTY_STATUSES } from "@/lib/domain/responsibility";
import { listResponsibilities } from "@/lib/server/responsibilities/list-responsibilities";
import { systemFilterOptions } from "@/lib/server/systems/system-filter-options";
import {
  DUTY_STATUS_LABELS,
  responsibilityListQuerySchema,
  toDayString,
} from "@/lib/validation/responsibilities";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

import { DutyTable } from "./_components/duty-table";

export const metadata: Metadata = { title: "Duties" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DutiesPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "responsibility.read");
  const raw = await searchParams;
  const flat = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const query = responsibilityListQuerySchema.parse(flat);
  const [page, options] = await Promise.all([
    listResponsibilities({ workspaceId: auth.workspace.id, query }),
    systemFilterOptions(auth.workspace.id),
  ]);
  const base = `/w/${auth.workspace.slug}/duties`;
  const exportQuery = new URLSearchParams(
    Object.entries(flat).flatMap(([k, v]) => (v && k !== "page" ? [[k, v]] : [])),
  ).toString();
  return (
    <>
      <PageHeader
        title="Duties"
        description="Every duty of every active AI system: who owns it, where it stands and when it is due. Select duties to assign an owner or a due date in bulk."
        actions={
          <Button asChild variant="outline">
            <a href={`${base}/export${exportQuery ? `?${exportQuery}` : ""}`}>
              <Download aria-hidden="true" />
              Export CSV
            </a>
          </Button>
        }
      />
      <ListFilters
        action={base}
        hidden={query.system ? { system: query.system } : {}}
        fields={[
          { kind: "search", name: "q", label: "System name", value: query.q },
          {
            kind: "select",
            name: "domain",
            label: "Domain",
            value: query.domain,
            options: options.domains,
          },
          {
            kind: "select",
            name: "model",
            label: "Deployment model",
            value: query.model,
            options: options.models,
          },
          {
            kind: "select",
            name: "owner",
            label: "Owner",
            value: query.owner,
            options: [{ value: "none", label: "Nobody yet" }, ...options.members],
          },
          {
            kind: "select",
            name: "status",
            label: "Status",
            value: query.status,
            options: DUTY_STATUSES.map((s) => ({ value: s, label: DUTY_STATUS_LABELS[s] })),
          },
          {
            kind: "select",
            name: "side",
            label: "Side",
            value: query.side,
            options: [
              { value: "CUSTOMER", label: SIDE_LABELS.CUSTOMER },
              { value: "PROVIDER", label: SIDE_LABELS.PROVIDER },
            ],
          },
          {
            kind: "select",
            name: "critical",
            label: "Critical",
            value: query.critical,
            options: [
              { value: "true", label: "Critical only" },
              { value: "false", label: "Not critical" },
            ],
          },
          ...systemFilterFields(query, options.vendors),
          {
            kind: "select",
            name: "sort",
            label: "Sort by",
            value: query.sort,
            anyLabel: null,
            options: [
              { value: "system", label: "System" },
              { value: "domain", label: "Domain" },
              { value: "due", label: "Due date (soonest first)" },
              { value: "-due", label: "Due date (latest first)" },
              { value: "status", label: "Status" },
            ],
          },
        ]}
      />
      {page.total === 0 ? (
        <EmptyState
          icon={ListChecks}
          title="No duties match"
          description="Register AI systems to get duties, or change the filters."
        />
      ) : (
        <>
          <DutyTable
            // A new page or filter starts with nothing selected.
            key={JSON.stringify(query)}
            slug={auth.workspace.slug}
            page={{ page: page.page, pageSize: page.pageSize, total: page.total }}
            canEdit={can(auth.role, "responsibility.update")}
            members={options.members.map((m) => ({ id: m.value, label: m.label }))}
            rows={page.parts.map((p) => ({
              id: p.id,
              side: p.side,
              status: p.status,
              ownerName: p.ownerName,
              dueDate: toDayString(p.dueDate),
              domainName: p.domainName,
              value: p.value,
              overridden: p.overridden,
              critical: p.critical,
              system: { id: p.system.id, name: p.system.name },
            }))}
          />
          <Pagination
            page={page.page}
            pageCount={page.pageCount}
            href={base}
            searchParams={raw}
            totalItems={page.total}
            itemLabel="duties"
          />
        </>
      )}
    </>
  );
}

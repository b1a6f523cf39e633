import { Bot, Download, FileSpreadsheet, Plus, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { ListFilters, systemFilterFields } from "@/components/systems/list-filters";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { LifecycleBadge, RiskTierBadge } from "@/components/ui/status-badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listSystems } from "@/lib/server/systems/list-systems";
import { systemFilterOptions } from "@/lib/server/systems/system-filter-options";
import { systemListQuerySchema } from "@/lib/validation/systems";

export const metadata: Metadata = { title: "AI systems" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const SORT_LABELS: Record<string, string> = {
  name: "Name (A–Z)",
  "-name": "Name (Z–A)",
  "-updated": "Recently changed",
  updated: "Least recently changed",
  risk: "Risk tier (highest first)",
  "-risk": "Risk tier (lowest first)",
  lifecycle: "Lifecycle",
};

export default async function SystemsPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "system.read");
  const raw = await searchParams;
  const query = systemListQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [page, options] = await Promise.all([
    listSystems({ workspaceId: auth.workspace.id, query }),
    systemFilterOptions(auth.workspace.id),
  ]);
  const base = `/w/${auth.workspace.slug}/systems`;
  const modelNames = new Map(options.models.map((m) => [m.value, m.label]));
  const filtered = Boolean(
    query.q ||
    query.model ||
    query.risk ||
    query.lifecycle ||
    query.vendor ||
    query.owner ||
    query.archived !== "active",
  );
  const exportQuery = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) =>
      typeof v === "string" && k !== "page" ? [[k, v]] : [],
    ),
  ).toString();
  const canCreate = can(auth.role, "system.create");

  return (
    <>
      <PageHeader
        title="AI systems"
        description="Every AI system of the workspace, classified by deployment model. Each one's duties are derived from the framework matrix."
        actions={
          <>
            <Button asChild variant="outline">
              <a href={`${base}/export${exportQuery ? `?${exportQuery}` : ""}`}>
                <Download aria-hidden="true" />
                Export CSV
              </a>
            </Button>
            {canCreate ? (
              <>
                <Button asChild variant="outline">
                  <Link href={`${base}/import`}>
                    <Upload aria-hidden="true" />
                    Import CSV
                  </Link>
                </Button>
                <Button asChild>
                  <Link href={`${base}/new`}>
                    <Plus aria-hidden="true" />
                    Register a system
                  </Link>
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <ListFilters
        action={base}
        fields={[
          {
            kind: "search",
            name: "q",
            label: "Search",
            value: query.q,
            placeholder: "Name or tag",
          },
          {
            kind: "select",
            name: "model",
            label: "Deployment model",
            value: query.model,
            options: options.models,
          },
          ...systemFilterFields(query, options.vendors),
          {
            kind: "select",
            name: "owner",
            label: "Business owner",
            value: query.owner,
            options: options.members,
          },
          {
            kind: "select",
            name: "archived",
            label: "Status",
            value: query.archived,
            anyLabel: null,
            options: [
              { value: "active", label: "Active" },
              { value: "archived", label: "Archived" },
              { value: "all", label: "All" },
            ],
          },
          {
            kind: "select",
            name: "sort",
            label: "Sort by",
            value: query.sort,
            anyLabel: null,
            options: Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
      {page.total === 0 ? (
        <EmptyState
          icon={filtered ? FileSpreadsheet : Bot}
          title={filtered ? "No systems match these filters" : "No AI systems yet"}
          description={
            filtered
              ? "Change or clear the filters to see more systems."
              : "Register your first AI system, or import many at once from a CSV file, to see the duties the framework gives it."
          }
          action={
            !filtered && canCreate ? (
              <>
                <Button asChild>
                  <Link href={`${base}/new`}>Register a system</Link>
                </Button>
                <Button asChild variant="outline">
                  <a href={`${base}/template`}>Download the CSV template</a>
                </Button>
              </>
            ) : null
          }
        />
      ) : (
        <>
          <Table label="AI systems">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Deployment models</TableHead>
                <TableHead>Risk tier</TableHead>
                <TableHead>Lifecycle</TableHead>
                <TableHead>Vendor</TableHead>
                <TableHead>Customer duties owned</TableHead>
                <TableHead>Provider duties</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.systems.map((system) => (
                <TableRow key={system.id}>
                  <TableCell className="font-medium">
                    <Link href={`${base}/${system.id}`} className="hover:underline">
                      {system.name}
                    </Link>
                    {system.archivedAt ? (
                      <Badge variant="muted" className="ml-2">
                        Archived
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {system.deploymentModels.map((key) => modelNames.get(key) ?? key).join(", ")}
                  </TableCell>
                  <TableCell>
                    <RiskTierBadge tier={system.riskTier} />
                  </TableCell>
                  <TableCell>
                    <LifecycleBadge lifecycle={system.lifecycle} />
                  </TableCell>
                  <TableCell>{system.vendor?.name ?? "—"}</TableCell>
                  <TableCell className="tabular-nums">
                    {system.parts.owned} of {system.parts.customer}
                  </TableCell>
                  <TableCell className="tabular-nums">{system.parts.provider}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={page.page}
            pageCount={page.pageCount}
            href={base}
            searchParams={raw}
            totalItems={page.total}
            itemLabel="systems"
          />
        </>
      )}
    </>
  );
}

import { FileSearch, FolderOpen } from "lucide-react";
import type { Metadata } from "next";

import { EvidenceFormDialog } from "@/components/evidence/evidence-form-dialog";
import { EvidenceTable } from "@/components/evidence/evidence-table";
import { ListFilters } from "@/components/systems/list-filters";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listDutyOptionSystems } from "@/lib/server/evidence/list-duty-options";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { systemFilterOptions } from "@/lib/server/systems/system-filter-options";
import { EVIDENCE_KINDS, listEvidenceQuerySchema } from "@/lib/validation/evidence";
import { KIND_LABELS } from "@/lib/view/evidence/labels";

export const metadata: Metadata = { title: "Evidence" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATE_OPTIONS = [
  { value: "current,expiring_soon", label: "Current (all)" },
  { value: "current", label: "Current, not expiring soon" },
  { value: "expiring_soon", label: "Expiring soon" },
  { value: "expired", label: "Expired" },
  { value: "rejected", label: "Rejected" },
  { value: "superseded", label: "Superseded (older revisions)" },
  { value: "deleted", label: "Deleted" },
];

export default async function EvidenceLibraryPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "evidence.read");
  const raw = await searchParams;
  const flat = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  // A hand-edited address must still show a list: unknown values are dropped, and said so.
  const parsed = listEvidenceQuerySchema.safeParse(flat);
  const query = parsed.success ? parsed.data : listEvidenceQuerySchema.parse({});
  const workspaceId = auth.workspace.id;
  const [page, options, systems] = await Promise.all([
    listEvidence({ workspaceId, query }),
    systemFilterOptions(workspaceId),
    listDutyOptionSystems(workspaceId),
  ]);
  const slug = auth.workspace.slug;
  const base = `/w/${slug}/evidence`;
  const filtered = Boolean(
    query.q ||
    query.kind ||
    query.state ||
    query.vendorId ||
    query.systemId ||
    query.domainKey ||
    query.unlinked,
  );
  const canCreate = can(auth.role, "evidence.create");
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));

  return (
    <>
      <PageHeader
        title="Evidence"
        description="Files, links, notes and vendor attestations that show duties are done. One item can serve many duties and systems; expired, rejected and superseded items stop counting."
        actions={
          canCreate ? (
            <EvidenceFormDialog
              workspaceSlug={slug}
              kinds={EVIDENCE_KINDS}
              vendors={options.vendors}
              triggerLabel="Add evidence"
              title="Add evidence"
              description="Upload a file, save a link or a note, or record a vendor attestation. Link it to duties afterwards with “Reuse”."
            />
          ) : null
        }
      />
      {parsed.success ? null : (
        <Alert variant="warning" className="mb-4">
          Some filters in the address were not understood and were ignored.
        </Alert>
      )}
      <ListFilters
        action={base}
        fields={[
          {
            kind: "search",
            name: "q",
            label: "Search",
            value: query.q,
            placeholder: "Title, file name or address",
          },
          {
            kind: "select",
            name: "kind",
            label: "Kind",
            value: query.kind?.join(","),
            options: EVIDENCE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
          },
          {
            kind: "select",
            name: "state",
            label: "State",
            value: query.state?.join(","),
            options: STATE_OPTIONS,
            anyLabel: "Any (not deleted)",
          },
          {
            kind: "select",
            name: "vendorId",
            label: "Vendor",
            value: query.vendorId,
            options: options.vendors,
          },
          {
            kind: "select",
            name: "systemId",
            label: "AI system",
            value: query.systemId,
            options: systems.map((s) => ({ value: s.id, label: s.name })),
          },
          {
            kind: "select",
            name: "domainKey",
            label: "Security domain",
            value: query.domainKey,
            options: options.domains,
          },
          {
            kind: "select",
            name: "unlinked",
            label: "Links",
            value: query.unlinked,
            options: [
              { value: "true", label: "Not linked to any duty or vendor" },
              { value: "false", label: "Linked" },
            ],
          },
        ]}
      />
      {page.total === 0 ? (
        <EmptyState
          icon={filtered ? FileSearch : FolderOpen}
          title={filtered ? "No evidence matches these filters" : "No evidence yet"}
          description={
            filtered
              ? "Change or clear the filters to see more."
              : "Add a policy, a test report, a link to a control or a vendor's SOC 2 report. Evidence is what turns an owned duty into a covered one."
          }
        />
      ) : (
        <>
          <EvidenceTable
            workspaceSlug={slug}
            canReuse={can(auth.role, "evidence.update")}
            rows={page.items.map((item) => ({
              id: item.id,
              title: item.title,
              kind: item.kind,
              attestationType: item.attestationType,
              state: item.state,
              reviewStatus: item.review.status,
              vendorName: item.vendor?.name ?? null,
              linkCount: item.linkCount,
              fileName: item.file?.name ?? null,
              validUntil: item.validUntil,
              createdAt: item.createdAt,
            }))}
          />
          <Pagination
            page={page.page}
            pageCount={pageCount}
            href={base}
            searchParams={raw}
            totalItems={page.total}
            itemLabel="items"
          />
        </>
      )}
    </>
  );
}

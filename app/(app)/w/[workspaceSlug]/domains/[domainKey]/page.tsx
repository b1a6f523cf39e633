import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { RelatedReferences } from "@/components/crosswalks/related-references";
import { DomainCoverage } from "@/components/dashboard/domain-coverage";
import { NewPlanDialog } from "@/components/plans/new-plan-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { findWorkspaceAuth } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { referenceKey, referencesForRow } from "@/lib/crosswalks/active-mapping";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { loadCoverageLabels, nameOf } from "@/lib/server/dashboard/coverage-labels";
import { loadDomainCoverage } from "@/lib/server/dashboard/load-domain-coverage";
import { listGapDutyIds } from "@/lib/server/plans/list-gap-duty-ids";
import { memberDirectory } from "@/lib/server/systems/member-directory";

/** Route params arrive percent-encoded or not depending on the path; a bad escape is just a key. */
function domainKeyOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Props = {
  params: Promise<{ workspaceSlug: string; domainKey: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { workspaceSlug, domainKey } = await params;
  const auth = await findWorkspaceAuth(workspaceSlug);
  if (!auth) return { title: "Page not found" };
  const labels = await loadCoverageLabels(auth.workspace.id);
  const key = domainKeyOf(domainKey);
  return {
    title: labels.domains.some((d) => d.key === key) ? nameOf(labels.domains, key) : "Domain",
  };
}

// A security domain across every AI system of the workspace.
export default async function DomainPage({ params, searchParams }: Props) {
  const { workspaceSlug, domainKey } = await params;
  const auth = await requireWorkspacePage(workspaceSlug, "coverage.read");
  const pageParam = Number((await searchParams).page);
  const data = await loadDomainCoverage({
    workspaceId: auth.workspace.id,
    domainKey: domainKeyOf(domainKey),
    page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1,
  });
  if (!data) notFound();
  const slug = auth.workspace.slug;
  // Row keys are distinct across a crosswalk's frameworks, so a domain key finds its edges.
  const mapping = await loadActiveMapping(auth.workspace.id);
  const frameworks = [
    ...new Set(mapping.edges.filter((e) => e.row === data.domain.key).map((e) => e.framework)),
  ];
  const references = frameworks.flatMap((framework) =>
    referencesForRow(mapping, framework, data.domain.key),
  );
  const canPlan = can(auth.role, "plan.create");
  const [gapDutyIds, directory] = canPlan
    ? await Promise.all([
        listGapDutyIds({
          workspaceId: auth.workspace.id,
          scope: { domainKeys: [data.domain.key] },
        }),
        memberDirectory(auth.workspace.id),
      ])
    : [[], new Map()];
  return (
    <>
      <PageHeader
        title={data.domain.name}
        description="This security domain across every active AI system: how much of it is covered and what is missing where."
        breadcrumbs={[{ label: "Overview", href: `/w/${slug}` }, { label: data.domain.name }]}
        actions={
          canPlan && gapDutyIds.length > 0 ? (
            <NewPlanDialog
              slug={slug}
              dutyIds={gapDutyIds}
              members={[...directory.values()].map((m) => ({ id: m.id, label: m.name }))}
              defaultTitle={`Close the ${data.domain.name} gaps`}
              triggerLabel="New plan for its gaps"
            />
          ) : null
        }
      />
      <div className="mb-6">
        <RelatedReferences
          headingId="related-references"
          references={references}
          referenceHref={(r) =>
            `/w/${slug}/gaps?reference=${encodeURIComponent(referenceKey(r.catalogue, r.entry))}`
          }
        />
      </div>
      <DomainCoverage slug={slug} data={data} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { DutyDiscussion } from "@/components/comments/duty-discussion";
import { RelatedReferencesSummary } from "@/components/crosswalks/related-references";
import { SystemCoverage } from "@/components/dashboard/system-coverage";
import { dutyEvidenceSlots } from "@/components/evidence/duty-evidence-slots";
import { NewPlanDialog } from "@/components/plans/new-plan-dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { LifecycleBadge, RiskTierBadge } from "@/components/ui/status-badge";
import { can } from "@/lib/auth/permissions";
import { referencesForRow } from "@/lib/crosswalks/active-mapping";
import { isPastDue } from "@/lib/domain/overdue";
import { latestEndDay } from "@/lib/server/approvals/approval-rules";
import { listApprovalRequests } from "@/lib/server/approvals/list-approval-requests";
import { listApprovers } from "@/lib/server/approvals/list-approvers";
import { workspaceMaxApprovalMonths } from "@/lib/server/approvals/workspace-max-approval-months";
import { listThreads } from "@/lib/server/comments/list-comments";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { loadSystemCoverage } from "@/lib/server/dashboard/load-system-coverage";
import { listPlansOfDuties } from "@/lib/server/plans/get-plan";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import { approvalListQuerySchema } from "@/lib/validation/approvals";
import { toDayString } from "@/lib/validation/responsibilities";
import { EU_AI_ACT_LABELS } from "@/lib/validation/systems";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

import { DomainList, type DomainView } from "../_components/domain-list";
import { ArchiveSystemButton, AssignAllCustomerDuties } from "../_components/system-controls";
import { loadSystemPage } from "../_lib/load-system-page";

type Props = { params: Promise<{ workspaceSlug: string; systemId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceSlug, systemId } = await params;
  const { detail } = await loadSystemPage(workspaceSlug, systemId);
  return { title: detail.system.name };
}

export default async function SystemPage({ params }: Props) {
  const { workspaceSlug, systemId } = await params;
  const { auth, detail } = await loadSystemPage(workspaceSlug, systemId);
  const slug = auth.workspace.slug;
  const { system, framework } = detail;
  const archived = system.archivedAt !== null;
  const canEdit = can(auth.role, "responsibility.update") && !archived;
  const directory = await memberDirectory(auth.workspace.id);
  const members = [...directory.values()].map((m) => ({ id: m.id, label: m.name }));
  // The viewer cannot approve their own request, so they are not offered as approver.
  const approvers = (await listApprovers(auth.workspace.id)).filter((m) => m.id !== auth.user.id);
  const [approvals, maxMonths] = await Promise.all([
    listApprovalRequests({
      workspaceId: auth.workspace.id,
      userId: auth.user.id,
      query: approvalListQuerySchema.parse({ systemId: system.id, limit: 200 }),
    }),
    workspaceMaxApprovalMonths(auth.workspace.id),
  ]);
  const now = new Date();
  const domains: DomainView[] = detail.domains.map((d) => ({
    ...d,
    parts: d.parts.map((p) => ({
      ...p,
      dueDate: toDayString(p.dueDate),
      riskAcceptanceExpiresAt: toDayString(p.riskAcceptanceExpiresAt),
      overdue:
        (p.status === "NOT_STARTED" || p.status === "IN_PROGRESS") && isPastDue(p.dueDate, now),
    })),
  }));
  const partIds = detail.domains.flatMap((d) => d.parts.map((p) => p.id));
  const [threads, plansOf, coverage] = await Promise.all([
    listThreads({ workspaceId: auth.workspace.id, dutyIds: partIds }),
    listPlansOfDuties({ workspaceId: auth.workspace.id, dutyIds: partIds }),
    loadSystemCoverage({ workspaceId: auth.workspace.id, systemId: system.id, now }),
  ]);
  const discussionSlots = Object.fromEntries(
    detail.domains.flatMap((d) =>
      d.parts.map((p) => [
        p.id,
        <DutyDiscussion
          key={p.id}
          slug={slug}
          dutyId={p.id}
          label={`${SIDE_LABELS[p.side]} of ${d.name}`}
          comments={threads.get(p.id) ?? []}
          plans={plansOf.get(p.id) ?? []}
          currentUserId={auth.user.id}
          canComment={can(auth.role, "comment.create")}
          canModerate={can(auth.role, "comment.deleteAny")}
        />,
      ]),
    ),
  );
  const gapDutyIds = coverage.domains.flatMap((d) => d.gaps.map((g) => g.dutyId));
  const count = (value: string) => detail.domains.filter((d) => d.value === value).length;
  const evidenceSlots = await dutyEvidenceSlots({
    workspaceId: auth.workspace.id,
    workspaceSlug: slug,
    systemId: system.id,
    role: auth.role,
    archived,
    domains: detail.domains,
  });
  const mapping = await loadActiveMapping(auth.workspace.id);
  const referenceSlots = Object.fromEntries(
    detail.domains.map((d) => [
      d.responsibilityId,
      <RelatedReferencesSummary
        key={d.responsibilityId}
        references={referencesForRow(mapping, framework.key, d.domainKey)}
        href={`/w/${slug}/domains/${encodeURIComponent(d.domainKey)}#related-references`}
      />,
    ]),
  );
  return (
    <>
      <PageHeader
        title={system.name}
        meta={
          <>
            <RiskTierBadge tier={system.riskTier} />
            <LifecycleBadge lifecycle={system.lifecycle} />
            {archived ? <Badge variant="muted">Archived</Badge> : null}
          </>
        }
        description={system.description ?? undefined}
        breadcrumbs={[{ label: "AI systems", href: `/w/${slug}/systems` }, { label: system.name }]}
        actions={
          <>
            {can(auth.role, "system.update") && !archived ? (
              <Button asChild variant="outline">
                <Link href={`/w/${slug}/systems/${system.id}/edit`}>Edit</Link>
              </Button>
            ) : null}
            {can(auth.role, "plan.create") && !archived && gapDutyIds.length > 0 ? (
              <NewPlanDialog
                slug={slug}
                dutyIds={gapDutyIds}
                members={members}
                defaultTitle={`Close the gaps of ${system.name}`}
                triggerLabel="New plan for its gaps"
              />
            ) : null}
            {can(auth.role, "system.archive") ? (
              <ArchiveSystemButton
                slug={slug}
                systemId={system.id}
                name={system.name}
                archived={archived}
              />
            ) : null}
          </>
        }
      />
      {archived ? (
        <Alert variant="info" className="mb-4">
          This system is archived: its duties are kept but cannot be changed until it is restored.
        </Alert>
      ) : null}
      <dl className="mb-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <dt className="text-muted-foreground">Deployment models</dt>
          <dd>
            {system.modelNames.join(", ")}
            {system.variantName ? ` (${system.variantName})` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Framework</dt>
          <dd>
            {framework.name} {framework.version}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Vendor</dt>
          <dd>
            {system.vendor ? (
              <Link className="underline" href={`/w/${slug}/vendors/${system.vendor.id}`}>
                {system.vendor.name}
              </Link>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Business owner</dt>
          <dd>{system.businessOwnerName ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">EU AI Act</dt>
          <dd>{system.euAiActCategory ? EU_AI_ACT_LABELS[system.euAiActCategory] : "—"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Data classification</dt>
          <dd>{system.dataClassification ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Tags</dt>
          <dd>{system.tags.length ? system.tags.join(", ") : "—"}</dd>
        </div>
      </dl>
      {framework.newerVersions.length > 0 && can(auth.role, "system.update") && !archived ? (
        <Alert variant="info" className="mb-4" title="A newer framework version is available">
          {framework.name} {framework.newerVersions[0]?.version} is available.{" "}
          <Link href={`/w/${slug}/systems/${system.id}/edit`}>Review the move</Link>: you see which
          duties change before anything is applied.
        </Alert>
      ) : null}
      <div className="mb-6">
        <SystemCoverage slug={slug} systemId={system.id} data={coverage} />
      </div>
      <section aria-labelledby="duties-heading" className="grid gap-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="duties-heading" className="text-lg font-semibold">
              Responsibilities
            </h2>
            <p className="text-sm text-muted-foreground">
              {detail.domains.length} domains: {count("C")} customer, {count("S")} shared,{" "}
              {count("P")} provider, {count("NA")} not applicable. Critical domains come first.
            </p>
          </div>
          {canEdit ? (
            <AssignAllCustomerDuties slug={slug} systemId={system.id} members={members} />
          ) : null}
        </div>
        <DomainList
          slug={slug}
          domains={domains}
          members={members}
          approvers={approvers}
          canEdit={canEdit}
          canOverride={
            can(auth.role, "responsibility.override") &&
            can(auth.role, "approval.request") &&
            !archived
          }
          canRequest={can(auth.role, "approval.request") && !archived}
          approvals={approvals}
          viewer={{ userId: auth.user.id, canDecide: can(auth.role, "approval.decide") }}
          latestDay={latestEndDay(new Date(), maxMonths)}
          evidenceSlots={evidenceSlots}
          referenceSlots={referenceSlots}
          discussionSlots={discussionSlots}
        />
      </section>
    </>
  );
}

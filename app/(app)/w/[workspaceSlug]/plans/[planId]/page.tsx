import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { CommentThread } from "@/components/comments/comment-thread";
import {
  ClosePlanDialog,
  EditPlanDialog,
  RemovePlanDutyButton,
} from "@/components/plans/plan-controls";
import { PlanProgress } from "@/components/plans/plan-progress";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { OverdueBadge, PlanStatusBadge } from "@/components/ui/status-badge";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import type { GapReason } from "@/lib/domain/coverage-reference";
import { NotFoundError } from "@/lib/errors";
import { listComments } from "@/lib/server/comments/list-comments";
import { getPlan } from "@/lib/server/plans/get-plan";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import { idSchema } from "@/lib/validation/systems";
import { GAP_REASON_LABELS } from "@/lib/view/coverage/labels";
import { dutyHref, systemHref } from "@/lib/view/dashboard/labels";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

type Props = { params: Promise<{ workspaceSlug: string; planId: string }> };

/** Membership first (404 for others), then the plan of this workspace only. */
const loadPlanPage = cache(async (slug: string, planId: string) => {
  const auth = await requireWorkspacePage(slug, "plan.read");
  if (!idSchema.safeParse(planId).success) notFound();
  try {
    return { auth, detail: await getPlan({ workspaceId: auth.workspace.id, planId }) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceSlug, planId } = await params;
  const { detail } = await loadPlanPage(workspaceSlug, planId);
  return { title: detail.plan.title };
}

export default async function PlanPage({ params }: Props) {
  const { workspaceSlug, planId } = await params;
  const { auth, detail } = await loadPlanPage(workspaceSlug, planId);
  const { plan, duties } = detail;
  const slug = auth.workspace.slug;
  const [directory, comments] = await Promise.all([
    memberDirectory(auth.workspace.id),
    listComments({ workspaceId: auth.workspace.id, planId: plan.id }),
  ]);
  const members = [...directory.values()].map((m) => ({ id: m.id, label: m.name }));
  const canUpdate = can(auth.role, "plan.update");
  const open = plan.effectiveStatus === "OPEN" || plan.effectiveStatus === "IN_PROGRESS";
  return (
    <>
      <PageHeader
        title={plan.title}
        meta={
          <>
            <span data-testid="plan-status">
              <PlanStatusBadge status={plan.effectiveStatus} />
            </span>
            {plan.overdue ? <OverdueBadge /> : null}
          </>
        }
        description={plan.goal ?? undefined}
        breadcrumbs={[{ label: "Action plans", href: `/w/${slug}/plans` }, { label: plan.title }]}
        actions={
          canUpdate ? (
            <>
              <EditPlanDialog slug={slug} plan={plan} members={members} />
              {open ? <ClosePlanDialog slug={slug} planId={plan.id} /> : null}
            </>
          ) : null
        }
      />
      <dl className="mb-6 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-muted-foreground">Progress</dt>
          <dd>
            <PlanProgress covered={plan.covered} total={plan.total} />
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Owner</dt>
          <dd>{plan.ownerName ?? "Nobody yet"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Due</dt>
          <dd className="tabular-nums">{plan.dueDate ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Closed</dt>
          <dd>
            {plan.closedAt
              ? `${plan.closedAt.slice(0, 10)}${plan.closingNote ? `: ${plan.closingNote}` : ""}`
              : plan.effectiveStatus === "DONE"
                ? "Every duty is covered."
                : "—"}
          </dd>
        </div>
      </dl>
      {plan.linked > plan.total ? (
        <p className="mb-4 text-sm text-muted-foreground">
          {plan.linked - plan.total} of the plan’s duties belong to archived or retired systems,
          which coverage leaves out; they do not count towards the progress.
        </p>
      ) : null}
      <section aria-labelledby="plan-duties" className="mb-8 grid gap-3">
        <h2 id="plan-duties" className="text-lg font-semibold">
          Duties
        </h2>
        {duties.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            This plan names no duty yet. Add gaps to it from the gap list.
          </p>
        ) : (
          <Table>
            <TableCaption className="sr-only">
              The duties of this plan and their coverage
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>AI system</TableHead>
                <TableHead>Domain</TableHead>
                <TableHead>Part</TableHead>
                <TableHead>Coverage</TableHead>
                <TableHead>Owner</TableHead>
                <TableHead>Due</TableHead>
                {canUpdate ? (
                  <TableHead>
                    <span className="sr-only">Remove</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {duties.map((duty) => {
                const label = `${duty.systemName}, ${duty.domainName}, ${SIDE_LABELS[duty.side].toLowerCase()}`;
                return (
                  <TableRow key={duty.dutyId}>
                    <th scope="row" className="p-2 text-left font-medium">
                      <Link
                        className="hover:underline"
                        href={systemHref({ slug, systemId: duty.systemId })}
                      >
                        {duty.systemName}
                      </Link>
                    </th>
                    <TableCell>
                      <Link
                        className="underline-offset-4 hover:underline"
                        href={dutyHref({
                          slug,
                          systemId: duty.systemId,
                          domainKey: duty.domainKey,
                        })}
                      >
                        {duty.domainName}
                      </Link>
                    </TableCell>
                    <TableCell>{SIDE_LABELS[duty.side]}</TableCell>
                    <TableCell>
                      {duty.covered === null ? (
                        <Badge variant="muted">Not counted (system archived)</Badge>
                      ) : duty.covered ? (
                        <Badge variant="success">Covered</Badge>
                      ) : (
                        <ul className="flex flex-wrap gap-1">
                          {duty.reasons.map((reason) => (
                            <li key={reason}>
                              <Badge variant="warning">
                                {GAP_REASON_LABELS[reason as GapReason] ?? reason}
                              </Badge>
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    <TableCell>{duty.ownerName ?? "—"}</TableCell>
                    <TableCell>
                      <span className="flex flex-wrap items-center gap-1">
                        <span className="tabular-nums">{duty.dueDate ?? "—"}</span>
                        {duty.overdue ? <OverdueBadge /> : null}
                      </span>
                    </TableCell>
                    {canUpdate ? (
                      <TableCell>
                        <RemovePlanDutyButton
                          slug={slug}
                          planId={plan.id}
                          dutyId={duty.dutyId}
                          label={label}
                        />
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="plan-comments" className="grid gap-3">
        <h2 id="plan-comments" className="text-lg font-semibold">
          Discussion
        </h2>
        <CommentThread
          slug={slug}
          target={{ planId: plan.id }}
          comments={comments}
          currentUserId={auth.user.id}
          canComment={can(auth.role, "comment.create")}
          canModerate={can(auth.role, "comment.deleteAny")}
          label={plan.title}
        />
      </section>
    </>
  );
}

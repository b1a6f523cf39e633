import { BadgeCheck } from "lucide-react";
import type { Metadata } from "next";

import { ApprovalHistory } from "@/components/approvals/approval-history";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listApprovalRequests } from "@/lib/server/approvals/list-approval-requests";
import { approvalListQuerySchema } from "@/lib/validation/approvals";

export const metadata: Metadata = { title: "Approvals" };

type Props = { params: Promise<{ workspaceSlug: string }> };

/**
 * Requests waiting for the viewer's decision, other pending requests an admin may decide, the
 * viewer's own requests with their decisions, and the latest requests the viewer decided. Deciding happens here or on the duty's page.
 */
export default async function ApprovalsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "approval.read");
  const slug = auth.workspace.slug;
  const canDecide = can(auth.role, "approval.decide");
  const viewer = { userId: auth.user.id, canDecide };
  const list = (input: Record<string, string>) =>
    listApprovalRequests({
      workspaceId: auth.workspace.id,
      userId: auth.user.id,
      query: approvalListQuerySchema.parse(input),
    });
  const [forMe, pending, mine, decidedAll] = await Promise.all([
    list({ mine: "approver", status: "PENDING" }),
    canDecide ? list({ status: "PENDING" }) : Promise.resolve([]),
    list({ mine: "requester" }),
    canDecide ? list({ mine: "decider", limit: "50" }) : Promise.resolve([]),
  ]);
  // Cancelling one's own request also records the person; only decisions belong here.
  const decided = decidedAll.filter((a) => a.requestedById !== auth.user.id);
  const others = pending.filter(
    (a) => a.approverId !== auth.user.id && a.requestedById !== auth.user.id,
  );
  const nothing =
    forMe.length === 0 && others.length === 0 && mine.length === 0 && decided.length === 0;
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Risk acceptances, not-applicable exceptions and overrides take effect only when an admin or owner other than the requester approves them, until their end date."
      />
      {nothing ? (
        <EmptyState
          icon={BadgeCheck}
          title="No approval requests"
          description="Ask for one from a duty on its system page (Request an exception, or Override on a domain). Requests waiting for you and your own requests appear here."
        />
      ) : (
        <div className="grid gap-6">
          {canDecide ? (
            forMe.length > 0 ? (
              <ApprovalHistory
                slug={slug}
                approvals={forMe}
                viewer={viewer}
                headingId="approvals-for-me"
                heading="Waiting for your decision"
                linkToDuty
                headingLevel="h2"
              />
            ) : (
              <p className="text-sm text-muted-foreground">Nothing is waiting for your decision.</p>
            )
          ) : null}
          <ApprovalHistory
            slug={slug}
            approvals={others}
            viewer={viewer}
            headingId="approvals-others"
            heading="Other pending requests you may decide"
            linkToDuty
            headingLevel="h2"
          />
          {mine.length > 0 ? (
            <ApprovalHistory
              slug={slug}
              approvals={mine}
              viewer={viewer}
              headingId="approvals-mine"
              heading="Your requests"
              linkToDuty
              headingLevel="h2"
            />
          ) : (
            <p className="text-sm text-muted-foreground">You have not asked for any approval.</p>
          )}
          <ApprovalHistory
            slug={slug}
            approvals={decided}
            viewer={viewer}
            headingId="approvals-decided"
            heading="Decided by you"
            linkToDuty
            headingLevel="h2"
          />
        </div>
      )}
    </>
  );
}

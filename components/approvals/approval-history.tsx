"use client";

import Link from "next/link";

import { ApprovalDecision, CancelApprovalButton } from "@/components/approvals/approval-decision";
import { Badge } from "@/components/ui/badge";
import { APPROVAL_STATUS_LABELS } from "@/lib/validation/approvals";
import {
  approvalControls,
  approvalSubject,
  day,
  END_REASON_LABELS,
} from "@/lib/view/approvals/labels";
import type { ApprovalView } from "@/lib/view/approvals/types";
import { dutyHref } from "@/lib/view/dashboard/labels";

const STATUS_VARIANT = {
  PENDING: "warning",
  APPROVED: "success",
  REJECTED: "destructive",
  CANCELLED: "muted",
  EXPIRED: "muted",
} as const;

/**
 * The requests and decisions of one duty or domain, newest first, with the viewer's controls on
 * pending ones (decide unless it is their own request; cancel their own).
 */
export function ApprovalHistory({
  slug,
  approvals,
  viewer,
  domainName,
  headingId,
  heading = "Approval requests",
  linkToDuty = false,
  headingLevel: Heading = "h4",
}: {
  slug: string;
  approvals: ApprovalView[];
  viewer: { userId: string; canDecide: boolean };
  domainName?: string;
  headingId: string;
  heading?: string;
  /** On the approvals page: name the system and link to the duty on its page. */
  linkToDuty?: boolean;
  headingLevel?: "h2" | "h4";
}) {
  if (approvals.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-2 grid gap-1">
      <Heading
        id={headingId}
        className={Heading === "h2" ? "text-lg font-semibold" : "text-sm font-medium"}
      >
        {heading}
      </Heading>
      <ul className="grid gap-2">
        {approvals.map((a) => {
          const subject = approvalSubject(a, domainName);
          const controls = approvalControls(a, viewer);
          return (
            <li key={a.id} className="rounded-md border bg-background p-2 text-sm">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                {linkToDuty ? (
                  <Link
                    className="font-medium underline"
                    href={dutyHref({ slug, systemId: a.systemId, domainKey: a.domainKey })}
                  >
                    {a.systemName}: {subject}
                  </Link>
                ) : (
                  <span className="font-medium">{subject}</span>
                )}
                <Badge variant={STATUS_VARIANT[a.status]}>{APPROVAL_STATUS_LABELS[a.status]}</Badge>
                <span className="text-muted-foreground">
                  asked by {a.requestedByName}
                  {a.viaToken ? " (API token)" : ""} on {day(a.createdAt)} · approver{" "}
                  {a.approverName} · until {day(a.endsAt)}
                </span>
              </div>
              <p className="mt-1">Justification: {a.justification}</p>
              {a.decidedAt && a.status !== "CANCELLED" ? (
                <p className="mt-1">
                  {a.status === "REJECTED" ? "Rejected" : "Approved"} by {a.decidedByName} on{" "}
                  {day(a.decidedAt)}
                  {a.decisionComment ? `: ${a.decisionComment}` : ""}
                </p>
              ) : null}
              {a.status === "CANCELLED" ? (
                <p className="mt-1 text-muted-foreground">Cancelled on {day(a.decidedAt)}.</p>
              ) : null}
              {a.status === "EXPIRED" ? (
                <p className="mt-1 text-muted-foreground">
                  Ended on {day(a.endedAt)}:{" "}
                  {END_REASON_LABELS[a.endReason ?? "expired"] ?? a.endReason}.
                </p>
              ) : null}
              {controls.decide || controls.cancel ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  {controls.decide ? (
                    <ApprovalDecision slug={slug} approvalId={a.id} label={subject} />
                  ) : null}
                  {controls.cancel ? (
                    <CancelApprovalButton slug={slug} approvalId={a.id} label={subject} />
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { APPROVAL_KIND_LABELS } from "@/lib/validation/approvals";
import type { ApprovalView } from "@/lib/view/approvals/types";

/** "Risk acceptance for the customer duty of Agent Governance", for lists and dialogs. */
export function approvalSubject(
  approval: Pick<ApprovalView, "kind" | "side" | "proposedValue" | "domainKey">,
  domainName: string = approval.domainKey,
): string {
  const value =
    approval.kind === "OVERRIDE" && approval.proposedValue ? ` to ${approval.proposedValue}` : "";
  const side = approval.side ? `the ${approval.side.toLowerCase()} duty of ` : "";
  return `${APPROVAL_KIND_LABELS[approval.kind]}${value} for ${side}${domainName}`;
}

/** Why an approved request stopped applying, in words. */
export const END_REASON_LABELS: Record<string, string> = {
  expired: "reached its end date",
  withdrawn: "ended when the duty was changed by hand",
  superseded: "replaced by a later approval",
};

/** What the viewer may do with a request: decide it (never their own), or cancel it. */
export function approvalControls(
  approval: Pick<ApprovalView, "status" | "requestedById">,
  viewer: { userId: string; canDecide: boolean },
): { decide: boolean; cancel: boolean } {
  const pending = approval.status === "PENDING";
  const own = approval.requestedById === viewer.userId;
  return {
    decide: pending && viewer.canDecide && !own,
    cancel: pending && (own || viewer.canDecide),
  };
}

export const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

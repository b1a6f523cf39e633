import type { ApprovalKind, ApprovalStatus } from "@/lib/validation/approvals";

/** One approval request as the pages and the API show it (dates as ISO strings). */
export type ApprovalView = {
  id: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  dutyId: string | null;
  responsibilityId: string;
  systemId: string;
  systemName: string;
  domainKey: string;
  side: "CUSTOMER" | "PROVIDER" | null;
  proposedValue: "P" | "C" | "S" | "NA" | null;
  justification: string;
  requestedById: string;
  requestedByName: string;
  viaToken: boolean;
  approverId: string;
  approverName: string;
  endsAt: string;
  decidedById: string | null;
  decidedByName: string | null;
  decisionComment: string | null;
  decidedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  createdAt: string;
};

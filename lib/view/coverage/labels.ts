/**
 * Words for the coverage engine's codes (gap reasons, risk tiers), shared by pages, CSV
 * files and the PDF report. Plain data: no React, no server code.
 */
import type { GapReason } from "@/lib/domain/coverage-reference";

export const GAP_REASON_LABELS: Record<GapReason, string> = {
  NO_OWNER: "No owner",
  NOT_IMPLEMENTED: "Not implemented",
  NO_CURRENT_EVIDENCE: "No current evidence",
  EVIDENCE_EXPIRED: "Evidence expired",
  NO_ATTESTATION: "No provider attestation",
  ACCEPTANCE_EXPIRED: "Risk acceptance expired",
  MISSING_JUSTIFICATION: "Justification missing",
  MISSING_APPROVER: "Approver missing",
  MISSING_ACCEPTANCE_EXPIRY: "Acceptance expiry missing",
};

/** What to do about each reason, shown beside the link that opens the duty. */
export const GAP_REASON_FIXES: Record<GapReason, string> = {
  NO_OWNER: "Assign an owner",
  NOT_IMPLEMENTED: "Finish the work and mark it implemented",
  NO_CURRENT_EVIDENCE: "Attach current evidence",
  EVIDENCE_EXPIRED: "Replace the expired evidence",
  NO_ATTESTATION: "Add the provider's attestation",
  ACCEPTANCE_EXPIRED: "Renew or end the risk acceptance",
  MISSING_JUSTIFICATION: "Write the justification",
  MISSING_APPROVER: "Name an approver",
  MISSING_ACCEPTANCE_EXPIRY: "Set an expiry for the acceptance",
};

export const RISK_TIER_LABELS: Record<string, string> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

// Everything a bundle's tables and report show, as plain serialisable data: the server collects
// it (lib/server/exports/collect-*.ts), the pure writers here render it. Dates are ISO strings.
import type { DutySide } from "@/lib/domain/responsibility";
import type { ManifestCoverage } from "@/lib/export-bundle/manifest";
import type { DomainReferenceRow } from "@/lib/export-bundle/reference-tables";
import type { CatalogueCoverage } from "@/lib/view/crosswalks/references";

export type BundleSystem = {
  id: string;
  name: string;
  description: string | null;
  primaryModel: string;
  deploymentModels: string[];
  variant: string | null;
  vendorName: string | null;
  riskTier: string | null;
  euAiActCategory: string | null;
  dataClassification: string | null;
  lifecycle: string;
  archived: boolean;
  framework: string;
  businessOwnerName: string | null;
  /** Null for archived or retired systems: coverage does not count them. */
  coverage: ManifestCoverage | null;
};

export type BundleDuty = {
  id: string;
  side: DutySide;
  ownerName: string | null;
  status: string;
  justification: string | null;
  dueDate: string | null;
  riskAcceptanceExpiresAt: string | null;
  evidenceIds: string[];
  /** Null when the system is not active (not counted by coverage). */
  covered: boolean | null;
};

export type BundleResponsibility = {
  id: string;
  systemId: string;
  systemName: string;
  domainKey: string;
  domainName: string;
  derivedValue: string;
  overrideValue: string | null;
  overrideJustification: string | null;
  value: string;
  critical: boolean;
  duties: BundleDuty[];
};

export type BundleEvidence = {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  url: string | null;
  attestationType: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  /** The SHA-256 recorded at upload. */
  sha256: string | null;
  collectedAt: string;
  validUntil: string | null;
  reviewStatus: string;
  state: string;
  vendorName: string | null;
  /** "System name / domain (customer|provider)" for each linked part in scope. */
  links: string[];
  /** Path of the file inside the bundle; null when files were left out or it has none. */
  bundlePath: string | null;
};

export type BundleGap = {
  systemName: string;
  domainKey: string;
  domainName: string;
  side: string;
  critical: boolean;
  riskTier: string | null;
  dueDate: string | null;
  ownerName: string | null;
  status: string;
  reasons: string[];
};

/** One approval request and its decision (issue 16), in the bundle's scope. */
export type BundleApproval = {
  id: string;
  kind: string;
  status: string;
  systemName: string;
  domainKey: string;
  domainName: string;
  side: string | null;
  proposedValue: string | null;
  justification: string;
  requestedBy: string;
  approver: string;
  requestedAt: string;
  endsAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  endedAt: string | null;
  endReason: string | null;
};

/** An action plan that names a duty in scope; progress over all of its duties. */
export type BundlePlan = {
  id: string;
  title: string;
  goal: string | null;
  ownerName: string | null;
  dueDate: string | null;
  /** The effective status: DONE as soon as every duty is covered. */
  status: string;
  overdue: boolean;
  coveredDuties: number;
  totalDuties: number;
  dutyIds: string[];
  closedAt: string | null;
  closingNote: string | null;
};

/** A comment on a duty in scope or on a plan in the bundle; a deleted one keeps no text. */
export type BundleComment = {
  id: string;
  /** "duty" or "plan". */
  on: string;
  targetId: string;
  /** "System / domain (side)" or the plan's title. */
  targetLabel: string;
  authorName: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  body: string | null;
};

export type BundleTrendPoint = {
  day: string;
  coverage: number | null;
  coveredDuties: number;
  totalDuties: number;
};

/** External references: the crosswalks in use and coverage by reference for the bundle's scope. */
export type BundleStandards = {
  crosswalks: {
    key: string;
    name: string;
    version: string;
    builtIn: boolean;
    definitionHash: string;
  }[];
  catalogues: CatalogueCoverage[];
  domainReferences: DomainReferenceRow[];
};

export type BundleData = {
  systems: BundleSystem[];
  responsibilities: BundleResponsibility[];
  evidence: BundleEvidence[];
  gaps: BundleGap[];
  trend: BundleTrendPoint[];
  /** Absent in bundles written before crosswalks existed. */
  standards?: BundleStandards;
  /** Absent in bundles written before approvals existed. */
  approvals?: BundleApproval[];
  /** Absent in bundles written before action plans and comments existed. */
  plans?: BundlePlan[];
  comments?: BundleComment[];
};

export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
}

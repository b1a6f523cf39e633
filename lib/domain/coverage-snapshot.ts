/**
 * Input of the coverage reference implementation: a plain in-memory snapshot of ONE workspace, shaped
 * like the database rows the SQL engine aggregates over (so generated data can feed both).
 */
import type {
  DutySide,
  DutyStatus,
  EvidenceKind,
  Lifecycle,
  ResponsibilityValue,
  ReviewStatus,
  RiskTier,
} from "@/lib/domain/responsibility";

export type SnapshotSystem = {
  id: string;
  name: string;
  archived: boolean;
  lifecycle: Lifecycle;
  riskTier: RiskTier | null;
  vendorId: string | null;
  /** Primary plus additional deployment models. */
  deploymentModels: readonly string[];
};
export type SnapshotResponsibility = {
  id: string;
  systemId: string;
  domainKey: string;
  value: ResponsibilityValue;
  critical: boolean;
};
export type SnapshotDuty = {
  id: string;
  responsibilityId: string;
  side: DutySide;
  ownerId: string | null;
  status: DutyStatus;
  justification: string | null;
  dueDate: Date | null;
  riskAcceptanceExpiresAt: Date | null;
  riskApproverId: string | null;
};
export type SnapshotEvidence = {
  id: string;
  kind: EvidenceKind;
  reviewStatus: ReviewStatus;
  supersededById?: string | null;
  superseded?: boolean;
  validUntil: Date | null;
  deletedAt: Date | null;
  /** Set on vendor attestations: they assure every provider part of that vendor's systems. */
  vendorId: string | null;
};
export type SnapshotEvidenceLink = { dutyId: string; evidenceId: string };

/** One workspace's data; the caller has already restricted every list to that workspace. */
export type WorkspaceSnapshot = {
  systems: readonly SnapshotSystem[];
  responsibilities: readonly SnapshotResponsibility[];
  parts: readonly SnapshotDuty[];
  evidence: readonly SnapshotEvidence[];
  evidenceLinks: readonly SnapshotEvidenceLink[];
};

/**
 * Scope filter; every given field must match (AND). An omitted field does not filter; an EMPTY
 * array matches nothing (like SQL `= ANY('{}')`), so "no systems selected" never means "all".
 * - deploymentModel: the system has that model among its models.
 * - ownerId: the DUTY's owner (either side), i.e. "coverage of the work this person owns".
 * - vendorId: the system's vendor.
 */
export type CoverageScope = {
  systemIds?: readonly string[];
  domainKeys?: readonly string[];
  deploymentModel?: string;
  ownerId?: string;
  vendorId?: string;
};

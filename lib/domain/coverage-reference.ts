/**
 * REFERENCE implementation of coverage (docs/glossary.md: "Covered", "Coverage", "Gap"). The SQL engine in
 * lib/server/coverage must return the same numbers on the same data; a test generates workspaces and
 * compares both. Keep every rule here explicit and mirrorable in SQL; change both together.
 */
import type {
  CoverageScope,
  SnapshotDuty,
  SnapshotEvidence,
  SnapshotResponsibility,
  SnapshotSystem,
  WorkspaceSnapshot,
} from "@/lib/domain/coverage-snapshot";
import { evidenceState, isCurrentEvidence } from "@/lib/domain/evidence-state";
import type { DutySide, DutyStatus, RiskTier } from "@/lib/domain/responsibility";
import { riskTierRank } from "@/lib/domain/responsibility";

export const GAP_REASONS = [
  "NO_OWNER",
  "NOT_IMPLEMENTED",
  "NO_CURRENT_EVIDENCE",
  "EVIDENCE_EXPIRED",
  "NO_ATTESTATION",
  "ACCEPTANCE_EXPIRED",
  "MISSING_JUSTIFICATION",
  "MISSING_APPROVER",
  "MISSING_ACCEPTANCE_EXPIRY",
] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export type EvaluatedDuty = {
  part: SnapshotDuty;
  responsibility: SnapshotResponsibility;
  system: SnapshotSystem;
  covered: boolean;
  /** Customer part: ≥1 current evidence linked directly. Provider part: ≥1 current attestation. */
  hasCurrentEvidence: boolean;
  /** Empty exactly when covered. */
  reasons: GapReason[];
};

/** A system counts only when active: not archived and lifecycle not RETIRED (PLANNED counts). */
export function isActiveSystem(system: SnapshotSystem): boolean {
  return !system.archived && system.lifecycle !== "RETIRED";
}

function hasText(value: string | null): boolean {
  return value !== null && value.trim() !== "";
}

function matchesScope(
  scope: CoverageScope,
  row: { system: SnapshotSystem; responsibility: SnapshotResponsibility; part: SnapshotDuty },
): boolean {
  if (scope.systemIds && !scope.systemIds.includes(row.system.id)) return false;
  if (scope.domainKeys && !scope.domainKeys.includes(row.responsibility.domainKey)) return false;
  if (
    scope.deploymentModel !== undefined &&
    !row.system.deploymentModels.includes(scope.deploymentModel)
  )
    return false;
  if (scope.ownerId !== undefined && row.part.ownerId !== scope.ownerId) return false;
  if (scope.vendorId !== undefined && row.system.vendorId !== scope.vendorId) return false;
  return true;
}

/**
 * Evaluates every part in scope: parts of active systems only; parts whose responsibility or system
 * is missing from the snapshot are ignored. Part rows are counted as stored, whatever the value
 * (derivation keeps parts consistent with the value).
 *
 * Customer part covered ⇔ owner set AND (
 *   (status IMPLEMENTED AND ≥1 current evidence linked to the part) OR
 *   (status NOT_APPLICABLE AND non-blank justification) OR
 *   (status RISK_ACCEPTED AND non-blank justification AND approver set AND
 *    riskAcceptanceExpiresAt set AND riskAcceptanceExpiresAt >= now) ).
 * A missing expiry is not "not in the past": risk acceptance must be time-boxed.
 * Provider part covered ⇔ ≥1 current ATTESTATION linked to the part, OR a current ATTESTATION whose
 * vendorId equals the system's (non-null) vendorId. Owner and status do not matter on this side.
 * "Current" is `isCurrentEvidence` (soft-deleted, superseded and rejected items never count).
 *
 * Reasons (why uncovered; several may apply; listed in GAP_REASONS order):
 * - NO_OWNER: customer part without owner.
 * - NOT_IMPLEMENTED: customer part in NOT_STARTED or IN_PROGRESS.
 * - NO_CURRENT_EVIDENCE / EVIDENCE_EXPIRED: customer part on the implementation path (any status but
 *   NOT_APPLICABLE/RISK_ACCEPTED) with no current linked evidence; EVIDENCE_EXPIRED instead of
 *   NO_CURRENT_EVIDENCE when some linked evidence is in state "expired" (not deleted, superseded or
 *   rejected, validUntil < now). The two are mutually exclusive.
 * - MISSING_JUSTIFICATION: NOT_APPLICABLE or RISK_ACCEPTED with blank justification.
 * - MISSING_APPROVER / MISSING_ACCEPTANCE_EXPIRY / ACCEPTANCE_EXPIRED (expiry < now): RISK_ACCEPTED.
 * - NO_ATTESTATION / EVIDENCE_EXPIRED: provider part without current attestation; EVIDENCE_EXPIRED
 *   instead when an attestation reaching it (link or vendor) is in state "expired".
 */
export function evaluateDuties(input: {
  snapshot: WorkspaceSnapshot;
  now: Date;
  scope?: CoverageScope;
}): EvaluatedDuty[] {
  const { snapshot, now } = input;
  const scope = input.scope ?? {};
  const systems = new Map(snapshot.systems.map((s) => [s.id, s]));
  const responsibilities = new Map(snapshot.responsibilities.map((r) => [r.id, r]));
  const evidenceById = new Map(snapshot.evidence.map((e) => [e.id, e]));
  const linkedByDuty = new Map<string, SnapshotEvidence[]>();
  for (const link of snapshot.evidenceLinks) {
    const item = evidenceById.get(link.evidenceId);
    if (!item) continue;
    const list = linkedByDuty.get(link.dutyId) ?? [];
    list.push(item);
    linkedByDuty.set(link.dutyId, list);
  }
  const attestationsByVendor = new Map<string, SnapshotEvidence[]>();
  for (const item of snapshot.evidence) {
    if (item.vendorId === null || item.kind !== "ATTESTATION") continue;
    const list = attestationsByVendor.get(item.vendorId) ?? [];
    list.push(item);
    attestationsByVendor.set(item.vendorId, list);
  }
  const isCurrent = (e: SnapshotEvidence) => isCurrentEvidence(e, now);
  const isExpired = (e: SnapshotEvidence) => evidenceState(e, now) === "expired";

  const result: EvaluatedDuty[] = [];
  for (const part of snapshot.parts) {
    const responsibility = responsibilities.get(part.responsibilityId);
    const system = responsibility ? systems.get(responsibility.systemId) : undefined;
    if (!responsibility || !system || !isActiveSystem(system)) continue;
    if (!matchesScope(scope, { system, responsibility, part })) continue;

    const linked = linkedByDuty.get(part.id) ?? [];
    const reasons: GapReason[] = [];
    let hasCurrentEvidence: boolean;
    if (part.side === "PROVIDER") {
      const viaVendor =
        system.vendorId === null ? [] : (attestationsByVendor.get(system.vendorId) ?? []);
      const attestations = [...linked.filter((e) => e.kind === "ATTESTATION"), ...viaVendor];
      hasCurrentEvidence = attestations.some(isCurrent);
      if (!hasCurrentEvidence)
        reasons.push(attestations.some(isExpired) ? "EVIDENCE_EXPIRED" : "NO_ATTESTATION");
    } else {
      hasCurrentEvidence = linked.some(isCurrent);
      if (part.ownerId === null) reasons.push("NO_OWNER");
      if (part.status === "NOT_APPLICABLE" || part.status === "RISK_ACCEPTED") {
        if (!hasText(part.justification)) reasons.push("MISSING_JUSTIFICATION");
        if (part.status === "RISK_ACCEPTED") {
          if (part.riskApproverId === null) reasons.push("MISSING_APPROVER");
          const expiry = part.riskAcceptanceExpiresAt;
          if (expiry === null) reasons.push("MISSING_ACCEPTANCE_EXPIRY");
          else if (expiry.getTime() < now.getTime()) reasons.push("ACCEPTANCE_EXPIRED");
        }
      } else {
        if (part.status !== "IMPLEMENTED") reasons.push("NOT_IMPLEMENTED");
        if (!hasCurrentEvidence)
          reasons.push(linked.some(isExpired) ? "EVIDENCE_EXPIRED" : "NO_CURRENT_EVIDENCE");
      }
    }
    reasons.sort((a, b) => GAP_REASONS.indexOf(a) - GAP_REASONS.indexOf(b));
    result.push({
      part,
      responsibility,
      system,
      covered: reasons.length === 0,
      hasCurrentEvidence,
      reasons,
    });
  }
  return result;
}

export type CoverageSummary = {
  totalDuties: number;
  coveredDuties: number;
  customerDuties: number;
  providerDuties: number;
  /** coveredDuties / totalDuties; null when the scope has no parts (no duty is not 0% or 100%). */
  coverage: number | null;
  /** Customer parts with an owner / customer parts. */
  ownedRate: number | null;
  /**
   * Customer parts with status IMPLEMENTED / customer parts. Deliberately status only: NOT_APPLICABLE
   * and RISK_ACCEPTED parts stay in the denominator but not the numerator (they were not implemented;
   * whether they are validly closed shows in coverage), and evidence does not matter (evidencedRate).
   */
  implementedRate: number | null;
  /** Customer parts with ≥1 current evidence linked directly / customer parts (any status). */
  evidencedRate: number | null;
  /** Covered provider parts / provider parts. */
  providerAssuredRate: number | null;
};

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Coverage of a scope at instant `now`; every rate is null when its denominator is 0. */
export function computeCoverage(input: {
  snapshot: WorkspaceSnapshot;
  now: Date;
  scope?: CoverageScope;
}): CoverageSummary {
  const parts = evaluateDuties(input);
  const customer = parts.filter((p) => p.part.side === "CUSTOMER");
  const provider = parts.filter((p) => p.part.side === "PROVIDER");
  const coveredDuties = parts.filter((p) => p.covered).length;
  return {
    totalDuties: parts.length,
    coveredDuties,
    customerDuties: customer.length,
    providerDuties: provider.length,
    coverage: ratio(coveredDuties, parts.length),
    ownedRate: ratio(customer.filter((p) => p.part.ownerId !== null).length, customer.length),
    implementedRate: ratio(
      customer.filter((p) => p.part.status === "IMPLEMENTED").length,
      customer.length,
    ),
    evidencedRate: ratio(customer.filter((p) => p.hasCurrentEvidence).length, customer.length),
    providerAssuredRate: ratio(provider.filter((p) => p.covered).length, provider.length),
  };
}

export type Gap = {
  dutyId: string;
  responsibilityId: string;
  systemId: string;
  systemName: string;
  domainKey: string;
  side: DutySide;
  critical: boolean;
  riskTier: RiskTier | null;
  dueDate: Date | null;
  ownerId: string | null;
  status: DutyStatus;
  reasons: GapReason[];
};

/** Plain code-unit comparison: SQL must use `COLLATE "C"` to agree (locale collations differ). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Total order of the gap list: critical first; system risk tier CRITICAL, HIGH, MEDIUM, LOW, unset
 * last; due date earliest first, none last; then system name, domain key, side (CUSTOMER before
 * PROVIDER), part id — all text by code units — so the order is deterministic.
 */
export function compareGaps(a: Gap, b: Gap): number {
  if (a.critical !== b.critical) return a.critical ? -1 : 1;
  const tier = riskTierRank(a.riskTier) - riskTierRank(b.riskTier);
  if (tier !== 0) return tier;
  const dueA = a.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = b.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return (
    compareText(a.systemName, b.systemName) ||
    compareText(a.domainKey, b.domainKey) ||
    compareText(a.side, b.side) ||
    compareText(a.dutyId, b.dutyId)
  );
}

/** Every uncovered part in scope with its reasons, in {@link compareGaps} order. */
export function gapList(input: {
  snapshot: WorkspaceSnapshot;
  now: Date;
  scope?: CoverageScope;
}): Gap[] {
  return evaluateDuties(input)
    .filter((p) => !p.covered)
    .map((p): Gap => ({
      dutyId: p.part.id,
      responsibilityId: p.responsibility.id,
      systemId: p.system.id,
      systemName: p.system.name,
      domainKey: p.responsibility.domainKey,
      side: p.part.side,
      critical: p.responsibility.critical,
      riskTier: p.system.riskTier,
      dueDate: p.part.dueDate,
      ownerId: p.part.ownerId,
      status: p.part.status,
      reasons: p.reasons,
    }))
    .sort(compareGaps);
}

/**
 * Vocabulary of the responsibility model, shared by derivation, coverage, zod schemas and Prisma enums.
 * Each union type is backed by a readonly tuple so other layers can check their enums against it
 * (e.g. `z.enum(DUTY_STATUSES)`, or a test comparing Prisma's generated enum values to these arrays).
 */

/** Matrix cell codes: Provider, Customer, Shared, Not applicable. */
export const RESPONSIBILITY_VALUES = ["P", "C", "S", "NA"] as const;
export type ResponsibilityValue = (typeof RESPONSIBILITY_VALUES)[number];

/** The side of a duty: a C value yields a CUSTOMER part, P a PROVIDER part, S both. */
export const DUTY_SIDES = ["CUSTOMER", "PROVIDER"] as const;
export type DutySide = (typeof DUTY_SIDES)[number];

export const DUTY_STATUSES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "IMPLEMENTED",
  "NOT_APPLICABLE",
  "RISK_ACCEPTED",
] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

export const EVIDENCE_KINDS = ["FILE", "LINK", "NOTE", "ATTESTATION"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const REVIEW_STATUSES = ["PENDING", "ACCEPTED", "REJECTED"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Ordered most severe first: this order is the gap-list sort order. */
export const RISK_TIERS = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const LIFECYCLES = ["PLANNED", "PILOT", "PRODUCTION", "RETIRED"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/**
 * Sort rank of a risk tier: CRITICAL = 0 … LOW = 3; an unset tier ranks last (4) so that systems
 * nobody has classified yet never outrank classified ones.
 */
export function riskTierRank(tier: RiskTier | null | undefined): number {
  if (tier == null) return RISK_TIERS.length;
  return RISK_TIERS.indexOf(tier);
}

/** Comparator for sorting by risk tier, most severe first, unset last. */
export function compareRiskTier(
  a: RiskTier | null | undefined,
  b: RiskTier | null | undefined,
): number {
  return riskTierRank(a) - riskTierRank(b);
}

function isMember<T extends string>(values: readonly T[], input: unknown): input is T {
  return typeof input === "string" && (values as readonly string[]).includes(input);
}

export function isResponsibilityValue(input: unknown): input is ResponsibilityValue {
  return isMember(RESPONSIBILITY_VALUES, input);
}

export function isDutyStatus(input: unknown): input is DutyStatus {
  return isMember(DUTY_STATUSES, input);
}

export function isRiskTier(input: unknown): input is RiskTier {
  return isMember(RISK_TIERS, input);
}

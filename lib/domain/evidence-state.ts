/**
 * Evidence currency (docs/glossary.md: evidence is current when it is not superseded, not rejected, and its
 * valid-until is empty or not in the past). Coverage, dashboards and the SQL engine use exactly this.
 */
import type { ReviewStatus } from "@/lib/domain/responsibility";

export const EVIDENCE_STATES = [
  "current",
  "expiring_soon",
  "expired",
  "rejected",
  "superseded",
  "deleted",
] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

export type EvidenceCurrencyInput = {
  reviewStatus: ReviewStatus;
  /** Id of the newer revision replacing this item; either this or `superseded` marks it replaced. */
  supersededById?: string | null;
  superseded?: boolean;
  validUntil: Date | null;
  /** Soft-deleted items are never current (they sit in the trash until purged). */
  deletedAt?: Date | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function isSuperseded(item: EvidenceCurrencyInput): boolean {
  return item.superseded === true || (item.supersededById ?? null) !== null;
}

/**
 * True when the item may count towards coverage at instant `now`:
 * not soft-deleted, not superseded, review status not REJECTED (PENDING counts, review is a separate
 * quality signal), and `validUntil` null or `validUntil >= now`.
 *
 * Granularity: `validUntil` is an instant, compared to the instant `now` (inclusive). A form that
 * collects a date should store the end of that day, so "valid until 31 March" is current all day.
 * SQL mirror: `deleted_at IS NULL AND superseded_by_id IS NULL AND review_status <> 'REJECTED'
 *              AND (valid_until IS NULL OR valid_until >= $now)`.
 */
export function isCurrentEvidence(item: EvidenceCurrencyInput, now: Date): boolean {
  if ((item.deletedAt ?? null) !== null) return false;
  if (isSuperseded(item)) return false;
  if (item.reviewStatus === "REJECTED") return false;
  return item.validUntil === null || item.validUntil.getTime() >= now.getTime();
}

/**
 * Display state of an evidence item, first match wins:
 * deleted → superseded → rejected → expired (validUntil < now) →
 * expiring_soon (current and validUntil <= now + expiringSoonDays × 24 h) → current.
 *
 * "deleted" extends the list in the brief: a soft-deleted item must never read as "current".
 * Superseded outranks rejected because the newer revision is what the user should look at.
 * Days are fixed 24-hour spans (instant arithmetic), so daylight-saving changes do not shift it.
 * `expiring_soon` is a sub-state of current: `isCurrentEvidence` is true for it.
 */
export function evidenceState(
  item: EvidenceCurrencyInput,
  now: Date,
  expiringSoonDays = 30,
): EvidenceState {
  if ((item.deletedAt ?? null) !== null) return "deleted";
  if (isSuperseded(item)) return "superseded";
  if (item.reviewStatus === "REJECTED") return "rejected";
  if (item.validUntil === null) return "current";
  const until = item.validUntil.getTime();
  if (until < now.getTime()) return "expired";
  if (until <= now.getTime() + expiringSoonDays * DAY_MS) return "expiring_soon";
  return "current";
}

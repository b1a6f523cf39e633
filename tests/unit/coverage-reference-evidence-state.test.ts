import { describe, expect, it } from "vitest";

import {
  type EvidenceCurrencyInput,
  evidenceState,
  isCurrentEvidence,
} from "@/lib/domain/evidence-state";

const NOW = new Date("2025-06-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const item = (over: Partial<EvidenceCurrencyInput> = {}): EvidenceCurrencyInput => ({
  reviewStatus: "ACCEPTED",
  validUntil: null,
  ...over,
});

describe("evidence currency", () => {
  it("no valid-until is current, pending review included", () => {
    expect(evidenceState(item(), NOW)).toBe("current");
    expect(isCurrentEvidence(item({ reviewStatus: "PENDING" }), NOW)).toBe(true);
  });

  it("valid-until is an instant compared inclusively with now", () => {
    expect(isCurrentEvidence(item({ validUntil: at(0) }), NOW)).toBe(true);
    expect(evidenceState(item({ validUntil: at(0) }), NOW)).toBe("expiring_soon");
    expect(isCurrentEvidence(item({ validUntil: at(-1) }), NOW)).toBe(false);
    expect(evidenceState(item({ validUntil: at(-1) }), NOW)).toBe("expired");
  });

  it("expiring soon up to and including now + N days, current after", () => {
    expect(evidenceState(item({ validUntil: at(30 * DAY) }), NOW)).toBe("expiring_soon");
    expect(evidenceState(item({ validUntil: at(30 * DAY + 1) }), NOW)).toBe("current");
    expect(evidenceState(item({ validUntil: at(7 * DAY + 1) }), NOW, 7)).toBe("current");
    expect(isCurrentEvidence(item({ validUntil: at(DAY) }), NOW)).toBe(true);
  });

  it("superseded, rejected and soft-deleted items are never current, whatever their dates", () => {
    const future = at(365 * DAY);
    expect(evidenceState(item({ supersededById: "newer", validUntil: future }), NOW)).toBe(
      "superseded",
    );
    expect(evidenceState(item({ superseded: true }), NOW)).toBe("superseded");
    expect(evidenceState(item({ reviewStatus: "REJECTED", validUntil: future }), NOW)).toBe(
      "rejected",
    );
    expect(evidenceState(item({ deletedAt: at(-DAY) }), NOW)).toBe("deleted");
    for (const over of [
      { supersededById: "x" },
      { reviewStatus: "REJECTED" as const },
      { deletedAt: at(-DAY) },
    ]) {
      expect(isCurrentEvidence(item(over), NOW)).toBe(false);
    }
    // Precedence: superseded before rejected before expired.
    expect(
      evidenceState(
        item({ supersededById: "x", reviewStatus: "REJECTED", validUntil: at(-DAY) }),
        NOW,
      ),
    ).toBe("superseded");
    expect(evidenceState(item({ reviewStatus: "REJECTED", validUntil: at(-DAY) }), NOW)).toBe(
      "rejected",
    );
  });
});

import { describe, expect, it } from "vitest";

import {
  type DerivedResponsibility,
  dutiesFor,
  type ExistingResponsibility,
  planRederivation,
} from "@/lib/domain/derivation";
import type { ResponsibilityValue } from "@/lib/domain/responsibility";

function derived(
  rowKey: string,
  derivedValue: ResponsibilityValue,
  critical = false,
): DerivedResponsibility {
  return {
    rowKey,
    derivedValue,
    overrideValue: null,
    value: derivedValue,
    critical,
    parts: dutiesFor(derivedValue),
  };
}

const current: ExistingResponsibility[] = [
  {
    id: "r-gov",
    domainKey: "governance",
    derivedValue: "S",
    overrideValue: null,
    critical: false,
    parts: [
      {
        id: "p-gov-c",
        side: "CUSTOMER",
        ownerId: "alice",
        status: "IMPLEMENTED",
        evidenceLinkCount: 2,
      },
      {
        id: "p-gov-p",
        side: "PROVIDER",
        ownerId: null,
        status: "NOT_STARTED",
        evidenceLinkCount: 1,
      },
    ],
  },
  {
    id: "r-data",
    domainKey: "data",
    derivedValue: "C",
    overrideValue: null,
    critical: false,
    parts: [
      {
        id: "p-data-c",
        side: "CUSTOMER",
        ownerId: "bob",
        status: "IN_PROGRESS",
        evidenceLinkCount: 0,
      },
    ],
  },
  {
    id: "r-agents",
    domainKey: "agents",
    derivedValue: "NA",
    overrideValue: "C",
    critical: true,
    parts: [
      {
        id: "p-agents-c",
        side: "CUSTOMER",
        ownerId: "carol",
        status: "IMPLEMENTED",
        evidenceLinkCount: 3,
      },
    ],
  },
  {
    id: "r-legacy",
    domainKey: "legacy",
    derivedValue: "C",
    overrideValue: null,
    critical: false,
    parts: [
      {
        id: "p-legacy-c",
        side: "CUSTOMER",
        ownerId: "dan",
        status: "NOT_STARTED",
        evidenceLinkCount: 1,
      },
    ],
  },
];

describe("planRederivation", () => {
  it("keeps parts of surviving domain+side with owner, status and evidence links; adds and removes the rest", () => {
    const plan = planRederivation({
      current,
      // governance S→C (provider part goes), data C→S (provider part comes), agents derived NA→P but
      // overridden to C, legacy disappears, models is new.
      next: [
        derived("governance", "C"),
        derived("data", "S"),
        derived("agents", "P", true),
        derived("models", "P"),
      ],
    });

    expect(plan.keptDuties.map((k) => k.part)).toEqual([
      current[0]!.parts[0],
      current[1]!.parts[0],
      current[2]!.parts[0],
    ]);
    expect(plan.addedDuties).toEqual([
      { domainKey: "data", responsibilityId: "r-data", side: "PROVIDER" },
      { domainKey: "models", responsibilityId: null, side: "PROVIDER" },
    ]);
    expect(plan.removedDuties.map((r) => r.part.id)).toEqual(["p-gov-p", "p-legacy-c"]);
    expect(plan.removedResponsibilityIds).toEqual(["r-legacy"]);
    expect(plan.lostWork).toEqual({ dutiesWithOwner: 1, evidenceLinks: 2 });
    expect(plan.isNoop).toBe(false);

    const byDomain = Object.fromEntries(plan.domains.map((d) => [d.domainKey, d]));
    expect(byDomain.models?.kind).toBe("added");
    expect(byDomain.legacy?.kind).toBe("removed");
    // The override survives and still determines the effective value; the new derived value is stored.
    expect(byDomain.agents).toMatchObject({
      kind: "changed",
      after: { derivedValue: "P", overrideValue: "C", value: "C", critical: true },
    });
    expect(plan.valueChanges.map((c) => c.domainKey)).toEqual(["governance", "data", "agents"]);
  });

  it("is a no-op when nothing changes", () => {
    const plan = planRederivation({
      current,
      next: [
        derived("governance", "S"),
        derived("data", "C"),
        derived("agents", "NA", true),
        derived("legacy", "C"),
      ],
    });
    expect(plan.isNoop).toBe(true);
    expect(plan.keptDuties).toHaveLength(5);
    expect(plan.addedDuties).toEqual([]);
    expect(plan.removedDuties).toEqual([]);
  });

  it("removes a duplicate part on the same side so applying heals it", () => {
    const dup: ExistingResponsibility = {
      ...current[1]!,
      parts: [
        ...current[1]!.parts,
        {
          id: "p-dup",
          side: "CUSTOMER",
          ownerId: null,
          status: "NOT_STARTED",
          evidenceLinkCount: 0,
        },
      ],
    };
    const plan = planRederivation({ current: [dup], next: [derived("data", "C")] });
    expect(plan.keptDuties.map((k) => k.part.id)).toEqual(["p-data-c"]);
    expect(plan.removedDuties.map((r) => r.part.id)).toEqual(["p-dup"]);
    expect(plan.isNoop).toBe(false);
  });
});

/**
 * Derivation of a system's responsibilities from a framework matrix (docs/glossary.md,
 * "Responsibility value" and "Duty"). Pure functions: the service layer loads rows/cells/parts, calls these, and persists.
 */
import type { DutySide, ResponsibilityValue } from "@/lib/domain/responsibility";

/** Customer weight of each value: the effective value is the heaviest one (C > S > P > NA). */
const CUSTOMER_WEIGHT: Record<ResponsibilityValue, number> = { C: 3, S: 2, P: 1, NA: 0 };

/**
 * Effective value over several deployment models: the most customer-heavy, C > S > P > NA
 * ("if any way you deploy it puts the duty on you, you own it"). An empty list yields NA.
 */
export function effectiveValue(values: readonly ResponsibilityValue[]): ResponsibilityValue {
  let best: ResponsibilityValue = "NA";
  for (const value of values) {
    if (CUSTOMER_WEIGHT[value] > CUSTOMER_WEIGHT[best]) best = value;
  }
  return best;
}

/** Parts a value creates, always in the order CUSTOMER, PROVIDER. */
export function dutiesFor(value: ResponsibilityValue): DutySide[] {
  switch (value) {
    case "C":
      return ["CUSTOMER"];
    case "S":
      return ["CUSTOMER", "PROVIDER"];
    case "P":
      return ["PROVIDER"];
    case "NA":
      return [];
  }
}

export type MatrixCell = {
  row: string;
  column: string;
  value: ResponsibilityValue;
  critical: boolean;
};

export type DerivedResponsibility = {
  rowKey: string;
  /** Value from the matrix alone (kept beside any override, so the override stays explainable). */
  derivedValue: ResponsibilityValue;
  overrideValue: ResponsibilityValue | null;
  /** `overrideValue ?? derivedValue`: the value parts are created from. */
  value: ResponsibilityValue;
  critical: boolean;
  parts: DutySide[];
};

/** A deployment model the system uses has no cell at all in the matrix: almost surely a wrong key. */
export class UnknownColumnError extends Error {
  constructor(readonly columnKey: string) {
    super(`Deployment model "${columnKey}" is not a column of this framework matrix`);
    this.name = "UnknownColumnError";
  }
}

/**
 * One derived responsibility per row (security domain), in the order of `rows`.
 *
 * - `columnKeys`: the system's deployment models (primary + additional); duplicates are ignored.
 *   A key with no cell in any row throws {@link UnknownColumnError}, because silently deriving NA
 *   would give the system no obligations, which the framework says never happens by accident.
 * - A missing cell for an existing row × column counts as NA with critical = false (sparse matrices).
 * - `critical` is true when ANY selected column's cell for the row is critical, whatever its value.
 *   Why: the critical flag marks current-focus work (e.g. agent governance); if any way the system is
 *   deployed puts the domain in focus, it should sort first. An override does not change it.
 * - `overrides` maps row key → value; entries for unknown rows are ignored.
 */
export function deriveResponsibilities(input: {
  rows: readonly string[];
  cells: readonly MatrixCell[];
  columnKeys: readonly string[];
  overrides?: Readonly<Record<string, ResponsibilityValue | null | undefined>>;
}): DerivedResponsibility[] {
  const columns = [...new Set(input.columnKeys)];
  const byRowColumn = new Map<string, MatrixCell>();
  const knownColumns = new Set<string>();
  for (const cell of input.cells) {
    byRowColumn.set(cellKey(cell.row, cell.column), cell);
    knownColumns.add(cell.column);
  }
  for (const column of columns) {
    if (!knownColumns.has(column)) throw new UnknownColumnError(column);
  }

  return input.rows.map((rowKey) => {
    const selected = columns.map((column) => byRowColumn.get(cellKey(rowKey, column)));
    const derivedValue = effectiveValue(selected.map((cell) => cell?.value ?? "NA"));
    const overrideValue = input.overrides?.[rowKey] ?? null;
    const value = overrideValue ?? derivedValue;
    return {
      rowKey,
      derivedValue,
      overrideValue,
      value,
      critical: selected.some((cell) => cell?.critical === true),
      parts: dutiesFor(value),
    };
  });
}

function cellKey(row: string, column: string): string {
  // JSON encoding keeps keys unambiguous whatever characters the row/column keys contain.
  return JSON.stringify([row, column]);
}

// ---------------------------------------------------------------------------------------------
// Re-derivation (system's deployment models or framework version changed)
// ---------------------------------------------------------------------------------------------

export type ExistingDuty = {
  id: string;
  side: DutySide;
  ownerId: string | null;
  status: string;
  evidenceLinkCount: number;
};

export type ExistingResponsibility = {
  id: string;
  domainKey: string;
  derivedValue: ResponsibilityValue;
  overrideValue: ResponsibilityValue | null;
  critical: boolean;
  parts: readonly ExistingDuty[];
};

export type ValueSnapshot = {
  derivedValue: ResponsibilityValue;
  overrideValue: ResponsibilityValue | null;
  value: ResponsibilityValue;
  critical: boolean;
};

export type DomainChange = {
  domainKey: string;
  /** added: domain new to the system; removed: domain no longer in the matrix; else same domain. */
  kind: "added" | "removed" | "changed" | "unchanged";
  responsibilityId: string | null;
  before: ValueSnapshot | null;
  after: ValueSnapshot | null;
};

export type DutyRef = { domainKey: string; responsibilityId: string; part: ExistingDuty };

export type RederivationPlan = {
  domains: DomainChange[];
  /** Parts to create (domain + side); responsibilityId null when the responsibility is new too. */
  addedDuties: { domainKey: string; responsibilityId: string | null; side: DutySide }[];
  /** Parts to delete, with their owner/status/link count so the preview can warn about lost work. */
  removedDuties: DutyRef[];
  /** Parts whose domain and side survive: they keep id, owner, status and evidence links. */
  keptDuties: DutyRef[];
  /** Surviving domains whose derived value, effective value or critical flag changes. */
  valueChanges: DomainChange[];
  /** Responsibilities to delete because their domain is gone (their parts are in removedDuties). */
  removedResponsibilityIds: string[];
  /** Removed parts that carried an owner or evidence links: what the user must confirm losing. */
  lostWork: { dutiesWithOwner: number; evidenceLinks: number };
  isNoop: boolean;
};

/**
 * Preview of re-deriving a system: compares its persisted responsibilities with a fresh derivation
 * so the caller can show the diff, then apply exactly it in one transaction.
 *
 * - Matching is by domain key, then by side: a part whose domain and side survive is kept untouched
 *   (same id, owner, status, evidence links); other existing parts are removed; missing sides added.
 * - Overrides persist: for a surviving domain the existing `overrideValue` wins over `next`'s and
 *   still determines the effective value (the new derived value is stored beside it). For a new
 *   domain `next.overrideValue` is used.
 * - A second part on the same side (should not exist) is listed as removed, so applying heals it.
 */
export function planRederivation(input: {
  current: readonly ExistingResponsibility[];
  next: readonly DerivedResponsibility[];
}): RederivationPlan {
  const currentByDomain = new Map(input.current.map((r) => [r.domainKey, r]));
  const nextDomains = new Set(input.next.map((d) => d.rowKey));
  const plan: RederivationPlan = {
    domains: [],
    addedDuties: [],
    removedDuties: [],
    keptDuties: [],
    valueChanges: [],
    removedResponsibilityIds: [],
    lostWork: { dutiesWithOwner: 0, evidenceLinks: 0 },
    isNoop: true,
  };

  for (const derived of input.next) {
    const existing = currentByDomain.get(derived.rowKey);
    const overrideValue = existing ? existing.overrideValue : derived.overrideValue;
    const value = overrideValue ?? derived.derivedValue;
    const after: ValueSnapshot = {
      derivedValue: derived.derivedValue,
      overrideValue,
      value,
      critical: derived.critical,
    };
    if (!existing) {
      plan.domains.push({
        domainKey: derived.rowKey,
        kind: "added",
        responsibilityId: null,
        before: null,
        after,
      });
      for (const side of dutiesFor(value)) {
        plan.addedDuties.push({ domainKey: derived.rowKey, responsibilityId: null, side });
      }
      continue;
    }

    const before: ValueSnapshot = {
      derivedValue: existing.derivedValue,
      overrideValue: existing.overrideValue,
      value: existing.overrideValue ?? existing.derivedValue,
      critical: existing.critical,
    };
    const changed =
      before.derivedValue !== after.derivedValue ||
      before.value !== after.value ||
      before.critical !== after.critical;
    const change: DomainChange = {
      domainKey: derived.rowKey,
      kind: changed ? "changed" : "unchanged",
      responsibilityId: existing.id,
      before,
      after,
    };
    plan.domains.push(change);
    if (changed) plan.valueChanges.push(change);

    const wanted = new Set<DutySide>(dutiesFor(value));
    const keptSides = new Set<DutySide>();
    for (const part of existing.parts) {
      const ref = { domainKey: derived.rowKey, responsibilityId: existing.id, part };
      if (wanted.has(part.side) && !keptSides.has(part.side)) {
        keptSides.add(part.side);
        plan.keptDuties.push(ref);
      } else {
        plan.removedDuties.push(ref);
      }
    }
    for (const side of wanted) {
      if (!keptSides.has(side))
        plan.addedDuties.push({ domainKey: derived.rowKey, responsibilityId: existing.id, side });
    }
  }

  for (const existing of input.current) {
    if (nextDomains.has(existing.domainKey)) continue;
    const before: ValueSnapshot = {
      derivedValue: existing.derivedValue,
      overrideValue: existing.overrideValue,
      value: existing.overrideValue ?? existing.derivedValue,
      critical: existing.critical,
    };
    plan.domains.push({
      domainKey: existing.domainKey,
      kind: "removed",
      responsibilityId: existing.id,
      before,
      after: null,
    });
    plan.removedResponsibilityIds.push(existing.id);
    for (const part of existing.parts) {
      plan.removedDuties.push({
        domainKey: existing.domainKey,
        responsibilityId: existing.id,
        part,
      });
    }
  }

  for (const { part } of plan.removedDuties) {
    if (part.ownerId !== null) plan.lostWork.dutiesWithOwner += 1;
    plan.lostWork.evidenceLinks += part.evidenceLinkCount;
  }
  plan.isNoop =
    plan.addedDuties.length === 0 &&
    plan.removedDuties.length === 0 &&
    plan.valueChanges.length === 0 &&
    plan.removedResponsibilityIds.length === 0 &&
    plan.domains.every((d) => d.kind === "unchanged");
  return plan;
}

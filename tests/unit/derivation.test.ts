import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  deriveResponsibilities,
  dutiesFor,
  effectiveValue,
  type MatrixCell,
  UnknownColumnError,
} from "@/lib/domain/derivation";
import { RESPONSIBILITY_VALUES, type ResponsibilityValue } from "@/lib/domain/responsibility";

// Synthetic matrix (the real AI SRM file ships separately): 3 domains × 4 deployment models.
const ROWS = ["governance", "data", "agents"];
const COLUMNS = ["saas", "paas", "iaas", "onprem"];
const VALUES: Record<string, ResponsibilityValue[]> = {
  governance: ["C", "C", "C", "C"],
  data: ["S", "S", "C", "C"],
  agents: ["P", "S", "NA", "C"],
};
const CRITICAL = new Set(["agents|paas"]);
const CELLS: MatrixCell[] = ROWS.flatMap((row) =>
  COLUMNS.map((column, i) => ({
    row,
    column,
    value: VALUES[row]![i]!,
    critical: CRITICAL.has(`${row}|${column}`),
  })),
);

describe("effectiveValue", () => {
  it("orders C > S > P > NA and gives NA for no values", () => {
    expect(effectiveValue([])).toBe("NA");
    expect(effectiveValue(["NA", "P"])).toBe("P");
    expect(effectiveValue(["P", "S", "NA"])).toBe("S");
    expect(effectiveValue(["S", "C", "P"])).toBe("C");
  });
});

describe("dutiesFor", () => {
  it("maps each value to its sides", () => {
    expect(dutiesFor("C")).toEqual(["CUSTOMER"]);
    expect(dutiesFor("S")).toEqual(["CUSTOMER", "PROVIDER"]);
    expect(dutiesFor("P")).toEqual(["PROVIDER"]);
    expect(dutiesFor("NA")).toEqual([]);
  });
});

describe("deriveResponsibilities", () => {
  it.each(COLUMNS.map((column, i) => [column, i] as const))(
    "single model %s gives exactly its column",
    (column, i) => {
      const derived = deriveResponsibilities({ rows: ROWS, cells: CELLS, columnKeys: [column] });
      expect(derived.map((d) => d.rowKey)).toEqual(ROWS);
      for (const d of derived) {
        const expected = VALUES[d.rowKey]![i]!;
        expect(d.derivedValue).toBe(expected);
        expect(d.value).toBe(expected);
        expect(d.overrideValue).toBeNull();
        expect(d.parts).toEqual(dutiesFor(expected));
        expect(d.critical).toBe(CRITICAL.has(`${d.rowKey}|${column}`));
      }
    },
  );

  it("takes the most customer-heavy value and any critical cell across models", () => {
    const [, data, agents] = deriveResponsibilities({
      rows: ROWS,
      cells: CELLS,
      columnKeys: ["saas", "iaas"],
    });
    expect(data).toMatchObject({ derivedValue: "C", parts: ["CUSTOMER"], critical: false });
    expect(agents).toMatchObject({ derivedValue: "P", parts: ["PROVIDER"] });
    // The critical paas cell is "S" while the result is still "C" with onprem: critical follows any cell.
    const withPaas = deriveResponsibilities({
      rows: ROWS,
      cells: CELLS,
      columnKeys: ["onprem", "paas"],
    });
    expect(withPaas[2]).toMatchObject({ derivedValue: "C", critical: true });
  });

  it("applies an override (NA overridden to C) and keeps the derived value beside it", () => {
    const [, , agents] = deriveResponsibilities({
      rows: ROWS,
      cells: CELLS,
      columnKeys: ["iaas"],
      overrides: { agents: "C", unknownRow: "P" },
    });
    expect(agents).toEqual({
      rowKey: "agents",
      derivedValue: "NA",
      overrideValue: "C",
      value: "C",
      critical: false,
      parts: ["CUSTOMER"],
    });
  });

  it("gives NA everywhere with no models, and rejects a model that is not a column", () => {
    const none = deriveResponsibilities({ rows: ROWS, cells: CELLS, columnKeys: [] });
    expect(none.every((d) => d.value === "NA" && d.parts.length === 0 && !d.critical)).toBe(true);
    expect(() =>
      deriveResponsibilities({ rows: ROWS, cells: CELLS, columnKeys: ["saas", "typo"] }),
    ).toThrow(UnknownColumnError);
  });

  it("treats a missing cell of a known column as NA", () => {
    const sparse = CELLS.filter((c) => !(c.row === "data" && c.column === "saas"));
    const [, data] = deriveResponsibilities({ rows: ROWS, cells: sparse, columnKeys: ["saas"] });
    expect(data).toMatchObject({ derivedValue: "NA", parts: [] });
  });

  it("property: random matrices and model sets follow C > S > P > NA, parts and critical rules", () => {
    const rank: Record<ResponsibilityValue, number> = { NA: 0, P: 1, S: 2, C: 3 };
    const valueArb = fc.constantFrom(...RESPONSIBILITY_VALUES);
    const cols = ["m0", "m1", "m2", "m3", "m4"];
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.record({ value: valueArb, critical: fc.boolean() }), {
            minLength: 5,
            maxLength: 5,
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.subarray(cols),
        fc.option(valueArb, { nil: undefined }),
        (matrix, selected, override) => {
          const rows = matrix.map((_, r) => `r${r}`);
          const cells = matrix.flatMap((row, r) =>
            row.map((cell, c) => ({ row: `r${r}`, column: cols[c]!, ...cell })),
          );
          const overrides = override ? { r0: override } : undefined;
          const derived = deriveResponsibilities({ rows, cells, columnKeys: selected, overrides });
          derived.forEach((d, r) => {
            const picked = selected.map((col) => matrix[r]![cols.indexOf(col)]!);
            const expected = picked.reduce<ResponsibilityValue>(
              (best, cell) => (rank[cell.value] > rank[best] ? cell.value : best),
              "NA",
            );
            expect(d.derivedValue).toBe(expected);
            for (const cell of picked)
              expect(rank[d.derivedValue]).toBeGreaterThanOrEqual(rank[cell.value]);
            expect(d.critical).toBe(picked.some((cell) => cell.critical));
            const value = r === 0 && override ? override : expected;
            expect(d.value).toBe(value);
            expect(d.parts.includes("CUSTOMER")).toBe(value === "C" || value === "S");
            expect(d.parts.includes("PROVIDER")).toBe(value === "P" || value === "S");
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

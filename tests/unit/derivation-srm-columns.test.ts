// Derivation on the REAL AI Security Shared Responsibility Model 1.1.0 matrix (the shipped file):
// every deployment model alone gives exactly its column, and random combinations of the eight
// follow C > S > P > NA, with parts and critical flags as docs/glossary.md defines.
import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  deriveResponsibilities,
  dutiesFor,
  effectiveValue,
  type MatrixCell,
} from "@/lib/domain/derivation";
import type { ResponsibilityValue } from "@/lib/domain/responsibility";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";
import { matrixFromDefinition } from "@/lib/server/systems/framework-matrix";

const parsed = parseFrameworkDefinition(
  readFileSync(path.resolve("frameworks/ai-security-srm/1.1.0.yaml"), "utf8"),
  "yaml",
);
if (!parsed.ok) throw new Error(`AI SRM 1.1.0 does not parse: ${JSON.stringify(parsed.errors[0])}`);
const definition = parsed.definition;
const SIDE: Record<string, ResponsibilityValue> = {
  provider: "P",
  customer: "C",
  both: "S",
  none: "NA",
};
const valueOfCode = new Map(definition.scale.map((level) => [level.code, SIDE[level.side]!]));
const rows = definition.rows.map((row) => row.key);
// Built here from the file independently of the app's mapping, then compared with it below.
const cells: MatrixCell[] = definition.cells.map((cell) => ({
  row: cell.row,
  column: cell.column,
  value: valueOfCode.get(cell.value)!,
  critical: cell.critical,
}));
const columnOf = (column: string) =>
  new Map(cells.filter((c) => c.column === column).map((c) => [c.row, c]));
const MODELS = definition.columns.map((column) => column.key);

describe("AI SRM 1.1.0 matrix", () => {
  it("has eight deployment models and sixteen domains", () => {
    expect(MODELS).toEqual([
      "saas_ai",
      "paas_ai",
      "iaas_ai",
      "on_premises",
      "embedded_ai",
      "agentic_ai",
      "ai_coding",
      "mcp_systems",
    ]);
    expect(rows).toHaveLength(16);
  });

  it("the app's scale mapping gives the same cells", () => {
    expect(matrixFromDefinition(definition).cells).toEqual(cells);
  });

  it.each(MODELS)("%s alone gives exactly its column (value, critical flag, parts)", (model) => {
    const column = columnOf(model);
    const derived = deriveResponsibilities({ rows, cells, columnKeys: [model] });
    expect(derived.map((d) => d.rowKey)).toEqual(rows);
    for (const d of derived) {
      const cell = column.get(d.rowKey);
      expect(cell, `${model} × ${d.rowKey} has a cell`).toBeDefined();
      expect(d.derivedValue).toBe(cell!.value);
      expect(d.value).toBe(cell!.value);
      expect(d.critical).toBe(cell!.critical);
      expect(d.parts).toEqual(dutiesFor(cell!.value));
    }
  });

  it("no single model leaves a system without duties (the framework's first principle)", () => {
    for (const model of MODELS) {
      const derived = deriveResponsibilities({ rows, cells, columnKeys: [model] });
      expect(
        derived.some((d) => d.parts.includes("CUSTOMER")),
        model,
      ).toBe(true);
    }
  });

  it("property: any combination of the eight models takes the most customer-heavy value per domain", () => {
    fc.assert(
      fc.property(fc.subarray(MODELS, { minLength: 1 }), (models) => {
        const derived = deriveResponsibilities({ rows, cells, columnKeys: models });
        for (const d of derived) {
          const values = models.map((m) => columnOf(m).get(d.rowKey)!.value);
          expect(d.derivedValue).toBe(effectiveValue(values));
          expect(d.critical).toBe(models.some((m) => columnOf(m).get(d.rowKey)!.critical));
          expect(d.parts).toEqual(dutiesFor(d.derivedValue));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a PaaS system that adds agentic AI never loses a customer duty it had", () => {
    const paas = deriveResponsibilities({ rows, cells, columnKeys: ["paas_ai"] });
    const both = deriveResponsibilities({ rows, cells, columnKeys: ["paas_ai", "agentic_ai"] });
    paas.forEach((d, i) => {
      if (d.parts.includes("CUSTOMER")) expect(both[i]!.parts).toContain("CUSTOMER");
    });
  });
});

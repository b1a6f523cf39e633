import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import { serializeFrameworkDefinition } from "@/lib/frameworks/serialize";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";

const repoRoot = path.resolve(__dirname, "../..");
const read = (relative: string) => readFileSync(path.resolve(repoRoot, relative), "utf8");

function load(relative: string): { text: string; definition: FrameworkDefinition } {
  const text = read(relative);
  const result = parseFrameworkDefinition(text, "yaml");
  if (!result.ok) throw new Error(`${relative} is invalid:\n${JSON.stringify(result.errors)}`);
  return { text, definition: result.definition };
}

type SourceSrm = {
  version: string;
  models: { id: string; order: number; examples: string[]; riskLevel: string | null }[];
  domains: { id: string; category: string; keyControls: string[] }[];
  cells: { domain: string; model: string; value: string; criticalFocus: boolean }[];
};

describe("shipped AI Security Shared Responsibility Model 1.1.0", () => {
  const { text, definition } = load("frameworks/ai-security-srm/1.1.0.yaml");
  const source = JSON.parse(read("../shared/frameworks/ai-security-srm-1.1.0.json")) as SourceSrm;

  it("has the source's columns and rows in source order", () => {
    expect(definition.version).toBe(source.version);
    expect(definition.columns.map((c) => c.key)).toEqual(source.models.map((m) => m.id));
    expect(definition.rows.map((r) => r.key)).toEqual(source.domains.map((d) => d.id));
    expect(definition.rows.map((r) => r.category)).toEqual(source.domains.map((d) => d.category));
    for (const model of source.models) {
      const column = definition.columns.find((c) => c.key === model.id);
      expect(column?.examples).toEqual(model.examples);
      expect(column?.riskLevel).toBe(model.riskLevel);
    }
    for (const domain of source.domains) {
      expect(definition.rows.find((r) => r.key === domain.id)?.keyControls).toEqual(
        domain.keyControls,
      );
    }
  });

  it("matches all 128 cell values and the 5 critical flags of the source matrix", () => {
    expect(source.cells).toHaveLength(128);
    expect(definition.cells).toHaveLength(128);
    const shipped = new Map(definition.cells.map((c) => [`${c.row}|${c.column}`, c]));
    const mismatches: string[] = [];
    let equalValues = 0;
    let equalFlags = 0;
    for (const cell of source.cells) {
      const ours = shipped.get(`${cell.domain}|${cell.model}`);
      if (ours?.value === cell.value) equalValues += 1;
      else mismatches.push(`${cell.domain} × ${cell.model}: ${ours?.value} ≠ ${cell.value}`);
      if (ours?.critical === cell.criticalFocus) equalFlags += 1;
      else mismatches.push(`${cell.domain} × ${cell.model}: critical ${ours?.critical}`);
    }
    expect(mismatches).toEqual([]);
    expect(equalValues).toBe(128);
    expect(equalFlags).toBe(128);
    const critical = definition.cells.filter((c) => c.critical).map((c) => `${c.row}|${c.column}`);
    const sourceCritical = source.cells
      .filter((c) => c.criticalFocus)
      .map((c) => `${c.domain}|${c.model}`);
    expect(critical).toHaveLength(5);
    expect(critical.sort()).toEqual(sourceCritical.sort());
  });

  it("offers public and private SaaS variants", () => {
    const saas = definition.columns.find((c) => c.key === "saas_ai");
    expect(saas?.variants?.map((v) => v.key)).toEqual(["public_saas", "private_saas"]);
    expect(saas?.variants?.every((v) => (v.examples ?? []).length > 0)).toBe(true);
  });

  it("uses the P/C/S/NA scale and ships its licence", () => {
    expect(definition.scale.map((s) => [s.code, s.side])).toEqual([
      ["P", "provider"],
      ["C", "customer"],
      ["S", "both"],
      ["NA", "none"],
    ]);
    expect(definition.license.spdx).toBe("MIT");
    expect(read("frameworks/ai-security-srm/LICENSE.txt")).toBe(
      read("../shared/frameworks/LICENSE-ai-security-srm.txt"),
    );
  });

  it("is checked in in canonical form", () => {
    expect(serializeFrameworkDefinition(definition, "yaml")).toBe(text);
  });
});

describe("shipped four-layer Gen AI model 2025", () => {
  const { text, definition } = load("frameworks/genai-four-layer/2025.yaml");
  const source = JSON.parse(read("../shared/frameworks/genai-four-layer-2025.json")) as {
    layers: { key: string }[];
    parties: { key: string }[];
    responsibilities: { key: string; layer: string; value: string }[];
  };

  it("has one column, the four layers as row groups and the ten responsibilities", () => {
    expect(definition.columns).toHaveLength(1);
    expect(definition.rowGroups?.map((g) => g.key)).toEqual(source.layers.map((l) => l.key));
    expect(definition.parties?.map((p) => p.key)).toEqual(source.parties.map((p) => p.key));
    expect(definition.rows.map((r) => [r.key, r.group])).toEqual(
      source.responsibilities.map((r) => [r.key, r.layer]),
    );
    const values = new Map(definition.cells.map((c) => [c.row, c.value]));
    for (const r of source.responsibilities) expect(values.get(r.key)).toBe(r.value);
  });

  it("is checked in in canonical form", () => {
    expect(serializeFrameworkDefinition(definition, "yaml")).toBe(text);
  });
});

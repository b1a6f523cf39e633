import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { stringify } from "yaml";

import type { FrameworkDefinitionInput } from "@/lib/frameworks/schema";
import {
  formatIssuePath,
  parseFrameworkDefinition,
  validateFrameworkDefinition,
} from "@/lib/frameworks/validate";

const repoRoot = path.resolve(__dirname, "../..");
const shippedText = readFileSync(
  path.resolve(repoRoot, "frameworks/ai-security-srm/1.1.0.yaml"),
  "utf8",
);

/** A fresh, mutable copy of the shipped framework as a plain object, to break in one place. */
function base(): FrameworkDefinitionInput {
  const result = parseFrameworkDefinition(shippedText, "yaml");
  if (!result.ok) throw new Error("shipped framework must be valid");
  return structuredClone(result.definition);
}

function errorsOf(def: unknown, format: "yaml" | "json" = "yaml") {
  const text = format === "yaml" ? stringify(def) : JSON.stringify(def);
  const result = parseFrameworkDefinition(text, format);
  if (result.ok) throw new Error("expected the definition to be rejected");
  return result.errors.map((e) => `${e.path}: ${e.message}`);
}

function cellIndex(def: FrameworkDefinitionInput, row: string, column: string): number {
  const index = def.cells.findIndex((c) => c.row === row && c.column === column);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

describe("parseFrameworkDefinition", () => {
  it("accepts the shipped framework in YAML and JSON", () => {
    const def = base();
    expect(parseFrameworkDefinition(shippedText, "yaml").ok).toBe(true);
    expect(parseFrameworkDefinition(JSON.stringify(def), "json").ok).toBe(true);
  });

  it("rejects a value that is not in the scale", () => {
    const def = base();
    def.cells[17]!.value = "X";
    expect(errorsOf(def)).toEqual(['cells[17].value: "X" is not in the scale (P, C, S, NA)']);
  });

  it("rejects unknown columns and rows", () => {
    const def = base();
    def.cells[3]!.column = "foo";
    def.cells[5]!.row = "bar";
    const errors = errorsOf(def, "json");
    expect(errors).toContain('cells[3].column: unknown column "foo"');
    expect(errors).toContain('cells[5].row: unknown row "bar"');
    // The two cells they replaced are now missing.
    expect(errors).toContain(
      'cells: missing cell for row "application_security" × column "on_premises"',
    );
  });

  it("rejects duplicate column, row, scale and row group keys", () => {
    const def = base();
    def.columns[2]!.key = "saas_ai";
    def.rows[4]!.key = "model_security";
    def.scale[3]!.code = "P";
    def.rowGroups = [
      { key: "layer", name: "Layer", description: "One" },
      { key: "layer", name: "Layer again", description: "Two" },
    ];
    const errors = errorsOf(def);
    expect(errors).toContain('columns[2].key: duplicate key "saas_ai"');
    expect(errors).toContain('rows[4].key: duplicate key "model_security"');
    expect(errors).toContain('scale[3].code: duplicate code "P"');
    expect(errors).toContain('rowGroups[1].key: duplicate key "layer"');
  });

  it("rejects a second cell for the same row × column", () => {
    const def = base();
    const index = cellIndex(def, "agent_governance", "agentic_ai");
    def.cells.push({ ...def.cells[index]!, value: "S" });
    expect(errorsOf(def)).toEqual([
      'cells[128]: duplicate cell for row "agent_governance" × column "agentic_ai"',
    ]);
  });

  it("reports each missing cell", () => {
    const def = base();
    def.cells.splice(cellIndex(def, "data_privacy", "mcp_systems"), 1);
    expect(errorsOf(def)).toEqual([
      'cells: missing cell for row "data_privacy" × column "mcp_systems"',
    ]);
  });

  it("rejects rows that name an unknown row group", () => {
    const def = base();
    def.rows[0]!.group = "nowhere";
    expect(errorsOf(def)).toEqual(['rows[0].group: unknown row group "nowhere"']);
  });

  it("checks parties named on cells against the value's side", () => {
    const def = base();
    def.parties = [
      { key: "vendor", name: "Vendor", side: "provider", description: "Sells the service." },
    ];
    def.cells[cellIndex(def, "user_access_control", "saas_ai")]!.parties = ["vendor"];
    def.cells[cellIndex(def, "model_security", "saas_ai")]!.parties = ["ghost"];
    const errors = errorsOf(def);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^cells\[\d+\]\.parties\[0\]: unknown party "ghost"$/);
    expect(errors[1]).toMatch(
      /^cells\[\d+\]\.parties\[0\]: party "vendor" is on the provider side/,
    );
  });

  it("turns shape errors into path: message strings", () => {
    const def = base() as Record<string, unknown> & FrameworkDefinitionInput;
    (def.columns[0] as Record<string, unknown>).name = 42;
    (def.rows[1] as Record<string, unknown>).focs = "typo";
    def.source.url = "javascript:alert(1)";
    const errors = errorsOf(def);
    expect(errors.some((e) => e.startsWith("columns[0].name: "))).toBe(true);
    expect(errors).toContain("rows[1].focs: unknown field");
    expect(errors).toContain("source.url: must be an http(s) URL");
  });

  it("rejects malformed YAML and JSON with the position", () => {
    const yaml = parseFrameworkDefinition("format: ai-srm-framework/1\nname: [unclosed\n", "yaml");
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) {
      expect(yaml.errors).toHaveLength(1);
      expect(yaml.errors[0]!.path).toBe("(document)");
      expect(yaml.errors[0]!.message).toMatch(/^invalid YAML at line \d+, column \d+: /);
    }
    const json = parseFrameworkDefinition('{"format": ', "json");
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.errors[0]!.message).toMatch(/^invalid JSON: /);
  });

  it("rejects duplicate mapping keys in YAML and empty or non-object documents", () => {
    const dup = parseFrameworkDefinition("key: a\nkey: b\n", "yaml");
    expect(!dup.ok && dup.errors[0]!.message).toMatch(/^invalid YAML/);
    const empty = parseFrameworkDefinition("  \n", "yaml");
    expect(!empty.ok && empty.errors).toEqual([{ path: "(document)", message: "file is empty" }]);
    const list = validateFrameworkDefinition([1, 2]);
    expect(!list.ok && list.errors[0]!.path).toBe("(root)");
  });

  it("formats issue paths with indexes", () => {
    expect(formatIssuePath(["columns", 0, "variants", 1, "key"])).toBe(
      "columns[0].variants[1].key",
    );
    expect(formatIssuePath([])).toBe("(root)");
  });

  it("accepts the complete example in docs/framework-format.md", () => {
    const doc = readFileSync(path.resolve(repoRoot, "docs/framework-format.md"), "utf8");
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const result = parseFrameworkDefinition(example!, "yaml");
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) {
      expect(result.definition.columns).toHaveLength(2);
      expect(result.definition.rows).toHaveLength(2);
    }
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { diffFrameworkVersions, formatFrameworkDiff } from "@/lib/frameworks/diff";
import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";

const text = readFileSync(
  path.resolve(__dirname, "../..", "frameworks/ai-security-srm/1.1.0.yaml"),
  "utf8",
);

function load(): FrameworkDefinition {
  const result = parseFrameworkDefinition(text, "yaml");
  if (!result.ok) throw new Error("shipped framework must be valid");
  return structuredClone(result.definition);
}

describe("diffFrameworkVersions", () => {
  it("finds nothing between identical versions", () => {
    const diff = diffFrameworkVersions(load(), load());
    expect(diff.hasChanges).toBe(false);
    expect(formatFrameworkDiff(diff)).toBe("Changes from a to b: none\n");
  });

  it("detects a changed cell value and a changed critical flag", () => {
    const a = load();
    const b = load();
    const cell = b.cells.find((c) => c.row === "data_security" && c.column === "paas_ai")!;
    cell.value = "C";
    const flag = b.cells.find((c) => c.row === "agent_governance" && c.column === "agentic_ai")!;
    flag.critical = false;
    const diff = diffFrameworkVersions(a, b);
    expect(diff.cells).toEqual([
      {
        row: "data_security",
        column: "paas_ai",
        from: "S",
        to: "C",
        criticalFrom: false,
        criticalTo: false,
      },
      {
        row: "agent_governance",
        column: "agentic_ai",
        from: "C",
        to: "C",
        criticalFrom: true,
        criticalTo: false,
      },
    ]);
    expect(diff.hasChanges).toBe(true);
    const report = formatFrameworkDiff(diff, { from: "1.1.0", to: "next" });
    expect(report).toContain("Cells changed (2):");
    expect(report).toContain("data_security × paas_ai: S -> C");
    expect(report).toContain("agent_governance × agentic_ai: C (critical) -> C");
  });

  it("detects added and removed rows and columns without listing their cells", () => {
    const a = load();
    const b = load();
    b.rows = b.rows.filter((r) => r.key !== "code_generation_security");
    b.columns = b.columns.filter((c) => c.key !== "mcp_systems");
    b.rows.push({
      key: "model_supply_chain",
      name: "Model Supply Chain",
      category: "ai_specific",
      focus: "Where models come from",
      keyControls: [],
      considerations: [],
    });
    b.columns.push({ key: "edge_ai", name: "Edge AI", group: "x", description: "d", examples: [] });
    const diff = diffFrameworkVersions(a, b);
    expect(diff.removedRows).toEqual([
      { key: "code_generation_security", name: "Code Generation Security" },
    ]);
    expect(diff.addedRows).toEqual([{ key: "model_supply_chain", name: "Model Supply Chain" }]);
    expect(diff.removedColumns).toEqual([{ key: "mcp_systems", name: "MCP-Based Systems" }]);
    expect(diff.addedColumns).toEqual([{ key: "edge_ai", name: "Edge AI" }]);
    expect(diff.cells).toEqual([]);
    const report = formatFrameworkDiff(diff);
    expect(report).toContain(
      "Rows removed (1):\n  code_generation_security (Code Generation Security)",
    );
    expect(report).toContain("Columns added (1):\n  edge_ai (Edge AI)");
  });

  it("detects scale and metadata changes", () => {
    const a = load();
    const b = load();
    b.scale = b.scale.filter((s) => s.code !== "NA");
    b.scale[0] = { ...b.scale[0]!, side: "both" };
    b.rows[0] = { ...b.rows[0]!, focus: "Something else" };
    const diff = diffFrameworkVersions(a, b);
    expect(diff.scale.removed.map((s) => s.code)).toEqual(["NA"]);
    expect(diff.scale.changed.map((s) => [s.code, s.from.side, s.to.side])).toEqual([
      ["P", "provider", "both"],
    ]);
    expect(diff.changedRows).toEqual([{ key: "application_security", fields: ["focus"] }]);
  });
});

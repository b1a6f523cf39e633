import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import {
  canonicalJson,
  definitionHash,
  serializeFrameworkDefinition,
} from "@/lib/frameworks/serialize";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";

const repoRoot = path.resolve(__dirname, "../..");

function parseOrThrow(text: string, format: "yaml" | "json"): FrameworkDefinition {
  const result = parseFrameworkDefinition(text, format);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

const shipped = ["frameworks/ai-security-srm/1.1.0.yaml", "frameworks/genai-four-layer/2025.yaml"];

describe.each(shipped)("serializing %s", (file) => {
  const definition = parseOrThrow(readFileSync(path.resolve(repoRoot, file), "utf8"), "yaml");

  it.each(["json", "yaml"] as const)("export → import → export is byte-identical in %s", (fmt) => {
    const first = serializeFrameworkDefinition(definition, fmt);
    const second = serializeFrameworkDefinition(parseOrThrow(first, fmt), fmt);
    expect(second).toBe(first);
    expect(first.endsWith("\n")).toBe(true);
  });

  it("keeps the content when crossing formats", () => {
    const viaJson = parseOrThrow(serializeFrameworkDefinition(definition, "json"), "json");
    const viaYaml = parseOrThrow(serializeFrameworkDefinition(viaJson, "yaml"), "yaml");
    expect(viaYaml).toEqual(definition);
    expect(definitionHash(viaYaml)).toBe(definitionHash(definition));
  });
});

describe("definitionHash", () => {
  const text = readFileSync(path.resolve(repoRoot, shipped[0]!), "utf8");
  const definition = parseOrThrow(text, "yaml");

  it("is a SHA-256 hex digest of the canonical JSON", () => {
    expect(definitionHash(definition)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(canonicalJson(definition))).toMatchObject({ key: "ai-security-srm" });
  });

  it("ignores cell order, key order, comments and an explicit critical: false", () => {
    // Cells first and reversed, every cell with an explicit `critical`, plus a YAML comment.
    const { cells, ...rest } = definition;
    const reordered = { cells: [...cells].reverse(), ...rest };
    const reparsed = parseOrThrow(`# a comment\n${JSON.stringify(reordered)}`, "yaml");
    expect(definitionHash(reparsed)).toBe(definitionHash(definition));
  });

  it("is unchanged by any permutation of the cells", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(definition.cells, { minLength: 128, maxLength: 128 }),
        (cells) => {
          expect(definitionHash({ ...definition, cells })).toBe(definitionHash(definition));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("changes when a cell value, a flag or a description changes", () => {
    const base = definitionHash(definition);
    const cells = definition.cells.map((c, i) => (i === 40 ? { ...c, value: "NA" } : c));
    expect(definitionHash({ ...definition, cells })).not.toBe(base);
    const flagged = definition.cells.map((c, i) => (i === 0 ? { ...c, critical: !c.critical } : c));
    expect(definitionHash({ ...definition, cells: flagged })).not.toBe(base);
    expect(definitionHash({ ...definition, description: "Other" })).not.toBe(base);
  });
});

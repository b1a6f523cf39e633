import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { diffCrosswalks, formatCrosswalkDiff } from "@/lib/crosswalks/diff";
import { type CrosswalkDefinition, edgeId, RELATIONSHIPS } from "@/lib/crosswalks/schema";
import { crosswalkHash, serializeCrosswalk } from "@/lib/crosswalks/serialize";
import {
  type CrosswalkSources,
  parseCrosswalk,
  validateCrosswalk,
} from "@/lib/crosswalks/validate";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";

const repoRoot = path.resolve(__dirname, "../..");
const read = (relative: string) => readFileSync(path.resolve(repoRoot, relative), "utf8");
const SHIPPED = "frameworks/crosswalks/ai-srm-standards/1.0.0.yaml";

function rowsOf(relative: string): string[] {
  const parsed = parseFrameworkDefinition(read(relative), "yaml");
  if (!parsed.ok) throw new Error(`${relative} is invalid`);
  return parsed.definition.rows.map((row) => row.key);
}

/** The shipped frameworks, as the import sees the app's catalog. */
const sources: CrosswalkSources = (framework, version) => {
  if (framework === "ai-security-srm" && version === "1.1.0") {
    return rowsOf("frameworks/ai-security-srm/1.1.0.yaml");
  }
  if (framework === "genai-four-layer" && version === "2025") {
    return rowsOf("frameworks/genai-four-layer/2025.yaml");
  }
  return null;
};

function shipped(): CrosswalkDefinition {
  const result = parseCrosswalk(read(SHIPPED), "yaml", sources);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.definition;
}

const clone = (def: CrosswalkDefinition): CrosswalkDefinition => structuredClone(def);

describe("the shipped crosswalk", () => {
  it("is valid against the shipped frameworks and maps every row of both", () => {
    const def = shipped();
    const srm = rowsOf("frameworks/ai-security-srm/1.1.0.yaml");
    const fourLayer = rowsOf("frameworks/genai-four-layer/2025.yaml");
    expect(srm).toHaveLength(16);
    expect(fourLayer).toHaveLength(10);
    const mapped = new Set(def.edges.map((e) => `${e.framework}/${e.row}`));
    for (const row of srm) expect(mapped).toContain(`ai-security-srm/${row}`);
    for (const row of fourLayer) expect(mapped).toContain(`genai-four-layer/${row}`);
  });

  it("carries the six catalogues, each with version, licence and attribution", () => {
    const def = shipped();
    expect(def.catalogues.map((c) => [c.key, c.version, c.entries.length])).toEqual([
      ["owasp-llm-top10", "2025", 10],
      ["mitre-atlas-mitigations", "5.6.0", 35],
      ["nist-ai-rmf", "1.0", 72],
      ["nist-ai-600-1", "2024", 12],
      ["iso-42001-annex-a", "2023", 38],
      ["eu-ai-act", "Regulation (EU) 2024/1689", 113],
    ]);
    for (const catalogue of def.catalogues) {
      expect(catalogue.license.name).not.toBe("");
      expect(catalogue.license.attribution).toBeTruthy();
    }
  });

  it("uses only OSCAL 1.2 relationship tokens and names the mapping each derived edge came through", () => {
    const def = shipped();
    for (const edge of def.edges) {
      expect(RELATIONSHIPS).toContain(edge.relationship);
      for (const derivation of edge.derivedFrom ?? []) {
        expect(["cosai-risk-map", "finos-ai-governance-framework"]).toContain(
          derivation.provenance,
        );
        const first = derivation.via[0]!.id;
        expect(first).toMatch(derivation.provenance === "cosai-risk-map" ? /^control/ : /^mi-\d+$/);
      }
    }
    const derived = def.edges.filter((e) => e.derivedFrom?.length);
    expect(derived.length).toBeGreaterThan(50);
    expect(def.edges.length - derived.length).toBeGreaterThan(50);
  });

  it("is stored in canonical form, and export → import → export is byte-identical (YAML and JSON)", () => {
    const text = read(SHIPPED);
    const def = shipped();
    expect(serializeCrosswalk(def, "yaml")).toBe(text);
    const json = serializeCrosswalk(def, "json");
    const again = parseCrosswalk(json, "json", sources);
    if (!again.ok) throw new Error("JSON export does not import");
    expect(serializeCrosswalk(again.definition, "json")).toBe(json);
    const yamlAgain = parseCrosswalk(serializeCrosswalk(again.definition, "yaml"), "yaml");
    if (!yamlAgain.ok) throw new Error("YAML export does not import");
    expect(serializeCrosswalk(yamlAgain.definition, "yaml")).toBe(text);
    expect(crosswalkHash(yamlAgain.definition)).toBe(crosswalkHash(def));
  });

  it("hashes the same when only the order of edges and derivations differs", () => {
    const def = shipped();
    const shuffled = clone(def);
    shuffled.edges.reverse();
    for (const edge of shuffled.edges) edge.derivedFrom?.reverse();
    expect(crosswalkHash(shuffled)).toBe(crosswalkHash(def));
    expect(diffCrosswalks(def, shuffled).hasChanges).toBe(false);
  });

  // The derivation is reproducible where the shared standards folder is at hand (the
  // repository's sibling ../shared, or ../../shared from a git worktree).
  const standards = [
    path.resolve(repoRoot, "../shared/standards"),
    path.resolve(repoRoot, "../../shared/standards"),
  ].find((dir) => existsSync(path.join(dir, "README.md")));
  it.skipIf(!standards)("is exactly what scripts/crosswalk/build.ts derives", async () => {
    const { buildCrosswalkFiles } = await import("@/scripts/crosswalk/build");
    const files = await buildCrosswalkFiles(standards!);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(file.content, file.path).toBe(read(file.path));
  });
});

describe("validation", () => {
  it("lists every unknown id, relationship, catalogue, row, source and provenance at once", () => {
    const def = clone(shipped());
    const [a, b, c, d, e, f] = def.edges;
    a!.entry = "LLM11:2025";
    b!.relationship = "related-to";
    c!.catalogue = "owasp-llm-top99";
    d!.row = "no_such_domain";
    e!.framework = "no-such-framework";
    f!.derivedFrom = [{ provenance: "nobody", via: [{ id: "x", title: "X" }] }];
    def.edges.push({ ...def.edges[7]! });
    def.sources.push({ framework: "missing-framework", version: "9" });
    const result = validateCrosswalk(def, sources);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((err) => `${err.path}: ${err.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^edges\[0\]\.entry: "LLM11:2025" is not an entry of catalogue/),
        'edges[1].relationship: "related-to" is not an OSCAL 1.2 relationship ' +
          "(equivalent-to, subset-of, superset-of, intersects-with)",
        'edges[2].catalogue: unknown catalogue "owasp-llm-top99"',
        expect.stringMatching(
          /^edges\[3\]\.row: unknown row "no_such_domain" in ai-security-srm@1\.1\.0/,
        ),
        'edges[4].framework: "no-such-framework" is not one of the crosswalk\'s sources',
        'edges[5].derivedFrom[0].provenance: unknown provenance "nobody"',
        expect.stringMatching(/^edges\[\d+\]: duplicate edge /),
        "sources[2]: framework missing-framework@9 does not exist",
      ]),
    );
    expect(result.errors).toHaveLength(8);
  });

  it("refuses sources that share row keys, unknown fields and a wrong format", () => {
    const def = clone(shipped());
    const overlapping: CrosswalkSources = (framework) =>
      framework === "ai-security-srm" ? ["a", "b"] : ["b", "c"];
    const shared = validateCrosswalk({ ...def, edges: [] }, overlapping);
    expect(shared.ok ? [] : shared.errors.map((e) => e.path + ": " + e.message)).toEqual([
      "sources[1]: shares row keys with ai-security-srm (b); the frameworks of one crosswalk must have distinct row keys",
    ]);
    const typo = validateCrosswalk({ ...def, edgez: [], format: "ai-srm-crosswalk/2" });
    expect(typo.ok ? [] : typo.errors.map((e) => e.path)).toEqual(["format", "edgez"]);
    expect(parseCrosswalk("key: [", "yaml")).toMatchObject({
      ok: false,
      errors: [{ path: "(document)", message: expect.stringContaining("invalid YAML") }],
    });
  });
});

describe("diff between versions", () => {
  it("names exactly the added, removed and changed edges", () => {
    const before = shipped();
    const after = clone(before);
    const removed = after.edges.splice(3, 1)[0]!;
    after.edges[10]!.relationship =
      after.edges[10]!.relationship === "subset-of" ? "intersects-with" : "subset-of";
    after.edges[20]!.rationale = "A new rationale in our own words.";
    const added = {
      framework: "ai-security-srm",
      row: "incident_response",
      catalogue: "nist-ai-600-1",
      entry: "2.9",
      relationship: "intersects-with",
      rationale: "Added for the test.",
    };
    after.edges.push(added);
    after.catalogues[0]!.entries[0]!.title = "Prompt injection (retitled)";

    const diff = diffCrosswalks(before, after);
    expect(diff.addedEdges.map(edgeId)).toEqual([edgeId(added)]);
    expect(diff.removedEdges.map(edgeId)).toEqual([edgeId(removed)]);
    expect(diff.changedEdges.map((c) => [edgeId(c), c.changes.map((x) => x.field)])).toEqual([
      [edgeId(after.edges[10]!), ["relationship"]],
      [edgeId(after.edges[20]!), ["rationale"]],
    ]);
    expect(diff.changedCatalogues).toEqual([
      expect.objectContaining({ key: "owasp-llm-top10", changedEntries: ["LLM01:2025"] }),
    ]);
    const text = formatCrosswalkDiff(diff, { from: "a@1", to: "a@2" });
    expect(text).toContain(`+ ${edgeId(added)} [intersects-with]`);
    expect(text).toContain(`- ${edgeId(removed)}`);
    expect(text.split("\n").filter((line) => /^ {2}[+~-] /.test(line))).toHaveLength(4);
  });
});

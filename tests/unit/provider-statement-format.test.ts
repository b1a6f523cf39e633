// The provider statement format without a database: reading our JSON and OSCAL component
// definitions, every problem of bad input named, the component definition we write validating
// against NIST's 1.2.1 schema and reading back to the same statement, diffs and disagreements.
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import { parseFrameworkDefinition } from "@/lib/frameworks/validate";
import { componentDefinitionFromStatement } from "@/lib/oscal/component-definition";
import { validateOscal } from "@/lib/oscal/validate";
import { diffStatements, disagreement } from "@/lib/statements/compare";
import {
  type ProviderStatementDocument,
  STATEMENT_FORMAT,
  STATEMENT_MAX_BYTES,
} from "@/lib/statements/format";
import { completeStatement, readStatementText } from "@/lib/statements/parse";

const repoRoot = path.resolve(__dirname, "../..");
function framework(): FrameworkDefinition {
  const text = readFileSync(
    path.resolve(repoRoot, "frameworks/ai-security-srm/1.1.0.yaml"),
    "utf8",
  );
  const result = parseFrameworkDefinition(text, "yaml");
  if (!result.ok) throw new Error("shipped framework invalid");
  return result.definition;
}
const definition = framework();

const SHA_A = "a".repeat(64);
const SHA_B = "b".repeat(64);

function statement(overrides: Partial<ProviderStatementDocument> = {}): ProviderStatementDocument {
  return {
    format: STATEMENT_FORMAT,
    statementId: "5b2d8a3e-2f4c-4b7a-9c1d-0e6f7a8b9c0d",
    version: 1,
    publishedAt: "2026-12-01T10:00:00.000Z",
    provider: { name: "Acme AI" },
    product: { name: "Acme Chat" },
    framework: { key: "ai-security-srm", version: "1.1.0" },
    deploymentModels: ["saas_ai"],
    domains: [
      { key: "model_security", position: "provider" },
      { key: "data_privacy", position: "shared", note: "We never train on prompts." },
      { key: "user_access_control", position: "customer" },
      { key: "code_generation_security", position: "not_applicable" },
    ],
    attestations: [
      {
        title: "SOC 2 Type II",
        type: "SOC 2",
        validFrom: "2026-01-01",
        validUntil: "2027-01-01",
        sha256: SHA_A,
        fileName: "soc2 report.pdf",
      },
      { title: "Pen test", sha256: SHA_B, domains: ["model_security"] },
    ],
    ...overrides,
  };
}

function readOk(text: string) {
  const read = readStatementText(text);
  if (!read.ok) throw new Error(read.problems.join("\n"));
  return read;
}

describe("our JSON format", () => {
  it("reads a valid statement and completes it against its framework", () => {
    const doc = statement();
    const done = completeStatement(readOk(JSON.stringify(doc)), definition);
    expect(done).toEqual({ ok: true, document: doc, sourceFormat: STATEMENT_FORMAT, unmapped: [] });
  });

  it("names every problem of an invalid statement", () => {
    const bad = {
      ...statement(),
      version: 0,
      domains: [{ key: "Model Security", position: "mine" }],
      attestations: [
        { title: "", sha256: "xyz", validFrom: "2027-01-02", validUntil: "2027-01-01" },
      ],
      extra: true,
    };
    const read = readStatementText(JSON.stringify(bad));
    expect(read.ok).toBe(false);
    const problems = read.ok ? [] : read.problems;
    for (const path of [
      "version",
      "domains.0.key",
      "domains.0.position",
      "attestations.0.title",
      "attestations.0.sha256",
      "(document)",
    ])
      expect(
        problems.some((p) => p.startsWith(`${path}:`)),
        path,
      ).toBe(true);
  });

  it("refuses bad JSON, another format, an oversized file and an empty one", () => {
    expect(readStatementText("{ nope")).toMatchObject({ ok: false });
    expect(readStatementText('{"format":"other/1"}')).toEqual({
      ok: false,
      problems: [expect.stringContaining('"other/1" is not a format')],
    });
    const big = JSON.stringify({ ...statement(), pad: "x".repeat(STATEMENT_MAX_BYTES) });
    expect(readStatementText(big)).toEqual({
      ok: false,
      problems: [expect.stringContaining("is larger than the 512 KB")],
    });
    expect(readStatementText("  ")).toEqual({ ok: false, problems: ["file: is empty"] });
    expect(readStatementText("[1]")).toMatchObject({ ok: false });
  });

  it("refuses another framework version, unknown domains and deployment models, all named", () => {
    const other = completeStatement(
      readOk(JSON.stringify(statement({ framework: { key: "ai-security-srm", version: "9.9" } }))),
      definition,
    );
    expect(other).toEqual({
      ok: false,
      problems: ["framework: the statement is for ai-security-srm 9.9, not ai-security-srm 1.1.0"],
    });
    const unknown = completeStatement(
      readOk(
        JSON.stringify(
          statement({
            deploymentModels: ["saas_ai", "quantum"],
            domains: [
              { key: "model_security", position: "provider" },
              { key: "telepathy", position: "provider" },
              { key: "model_security", position: "shared" },
            ],
            attestations: [
              { title: "X", sha256: SHA_A, domains: ["nowhere", "user_access_control"] },
            ],
          }),
        ),
      ),
      definition,
    );
    expect(unknown.ok).toBe(false);
    expect(unknown.ok ? [] : unknown.problems).toEqual([
      'deploymentModels.1: "quantum" is not a deployment model of ai-security-srm 1.1.0',
      'domains.1.key: "telepathy" is not a domain of ai-security-srm 1.1.0',
      'domains.2.key: "model_security" is named twice',
      'attestations.0.domains.0: "nowhere" is not a domain of ai-security-srm 1.1.0',
      'attestations.0.domains.1: the statement does not say the provider holds or shares "user_access_control"',
    ]);
  });
});

describe("OSCAL component definition", () => {
  it("validates against the OSCAL 1.2.1 component-definition schema", () => {
    const oscal = componentDefinitionFromStatement(statement());
    expect(validateOscal(oscal, { expected: "component-definition" })).toEqual({
      ok: true,
      model: "component-definition",
    });
    // And without a provider name or attestations (optional arrays left out, never empty).
    const bare = componentDefinitionFromStatement(
      statement({ provider: undefined, attestations: [] }),
    );
    expect(validateOscal(bare)).toMatchObject({ ok: true });
  });

  it("the schema check can fail: a broken document is refused with its problems", () => {
    const oscal = componentDefinitionFromStatement(statement());
    const broken = structuredClone(oscal) as { "component-definition": Record<string, unknown> };
    delete broken["component-definition"].metadata;
    const read = readStatementText(JSON.stringify(broken));
    expect(read).toMatchObject({ ok: false });
    expect(read.ok ? [] : read.problems.join("\n")).toContain("metadata");
  });

  it("reads back to the same statement", () => {
    const doc = statement();
    const text = JSON.stringify(componentDefinitionFromStatement(doc));
    const done = completeStatement(readOk(text), definition);
    expect(done).toMatchObject({ ok: true, sourceFormat: "oscal-component-definition" });
    if (!done.ok) return;
    expect(done.document).toEqual(doc);
    expect(done.unmapped).toEqual([]);
  });

  it("maps another provider's definition where its controls are domains and reports the rest", () => {
    const foreign = {
      "component-definition": {
        uuid: "0a3d9c1e-1111-4222-8333-944455566677",
        metadata: {
          title: "Other vendor",
          "last-modified": "2026-11-01T00:00:00Z",
          version: "3",
          "oscal-version": "1.1.2",
        },
        components: [
          {
            uuid: "1b4e0d2f-1111-4222-8333-944455566677",
            type: "service",
            title: "Other model API",
            description: "An API.",
            "control-implementations": [
              {
                uuid: "2c5f1e3a-1111-4222-8333-944455566677",
                source: "https://example.org/catalog.json",
                description: "Ours.",
                "implemented-requirements": [
                  {
                    uuid: "3d6a2f4b-1111-4222-8333-944455566677",
                    "control-id": "model_security",
                    description: "We secure the model.",
                  },
                  {
                    uuid: "4e7b3a5c-1111-4222-8333-944455566677",
                    "control-id": "data_privacy",
                    description: "Split.",
                    "responsible-roles": [{ "role-id": "provider" }, { "role-id": "customer" }],
                  },
                  {
                    uuid: "7b0e6d8f-1111-4222-8333-944455566677",
                    "control-id": "sc-8",
                    description: "Not ours.",
                  },
                ],
              },
            ],
          },
        ],
      },
    };
    const done = completeStatement(readOk(JSON.stringify(foreign)), definition);
    expect(done).toMatchObject({ ok: true });
    if (!done.ok) return;
    expect(done.document.domains).toEqual([
      { key: "model_security", position: "provider", note: "We secure the model." },
      { key: "data_privacy", position: "shared", note: "Split." },
    ]);
    expect(done.document.version).toBe(3);
    expect(done.document.deploymentModels).toHaveLength(definition.columns.length);
    expect(done.unmapped).toEqual([
      "deployment models: none named, so the statement is read for every one",
      'control "sc-8": not a domain of ai-security-srm 1.1.0',
    ]);
  });
});

describe("comparisons", () => {
  it("disagreement kinds", () => {
    expect(disagreement("P", "P")).toBeNull();
    expect(disagreement("P", "C")).toBe("provider_leaves");
    expect(disagreement("S", "NA")).toBe("provider_leaves");
    expect(disagreement("C", "P")).toBe("provider_takes");
    expect(disagreement("P", "S")).toBe("split_differs");
    expect(disagreement("C", "NA")).toBe("split_differs");
  });

  it("diff per domain and attestation", () => {
    const before = statement();
    const after = statement({
      version: 2,
      deploymentModels: ["saas_ai", "paas_ai"],
      domains: [
        { key: "model_security", position: "shared" },
        { key: "data_privacy", position: "shared", note: "We never train on prompts." },
        { key: "data_security", position: "provider" },
      ],
      attestations: [
        { ...before.attestations[0]!, validUntil: "2028-01-01" },
        { title: "ISO 42001", sha256: "c".repeat(64) },
      ],
    });
    expect(diffStatements(before, after)).toEqual({
      domains: [
        { key: "code_generation_security", before: "not_applicable", after: null },
        { key: "data_security", before: null, after: "provider" },
        { key: "model_security", before: "provider", after: "shared" },
        { key: "user_access_control", before: "customer", after: null },
      ],
      attestations: {
        added: [{ title: "ISO 42001", sha256: "c".repeat(64) }],
        removed: [{ title: "Pen test", sha256: SHA_B }],
        changed: [{ title: "SOC 2 Type II", sha256: SHA_A, fields: ["validUntil"] }],
      },
      deploymentModels: { added: ["paas_ai"], removed: [] },
    });
  });
});

// The OSCAL writers without a database: which leveraged-authorization statements each duty gets
// (provided / responsibility / inherited / satisfied for P, S and C), deterministic UUIDs, and
// schema validity of an SSP, a catalog and a mapping collection built from the shipped files.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import { buildCatalog, controlId } from "@/lib/oscal/catalog";
import { serialiseOscal, uuidV5 } from "@/lib/oscal/common";
import { buildMappingCollection } from "@/lib/oscal/mapping";
import { buildSsp } from "@/lib/oscal/ssp";
import type { SspDuty, SspInput } from "@/lib/oscal/ssp-input";
import {
  customerResponsibilityUuid,
  dutyRequirement,
  implementationState,
  providedUuid,
} from "@/lib/oscal/ssp-statements";
import { validateOscal } from "@/lib/oscal/validate";

const system = {
  id: "sys1",
  name: "Support bot",
  description: null,
  lifecycle: "PRODUCTION",
  archived: false,
  primaryModel: "saas_ai",
  deploymentModels: ["saas_ai"],
  riskTier: "HIGH",
  euAiActCategory: null,
  dataClassification: "CONFIDENTIAL",
  businessOwnerName: "Ada",
  vendorId: "v1",
  framework: { key: "ai-security-srm", version: "1.1.0" },
};
const vendor = {
  id: "v1",
  name: "Acme AI",
  kind: "LLM provider",
  website: "https://acme.example",
  recordedOn: "2026-01-02",
};

function duty(overrides: Partial<SspDuty>): SspDuty {
  return {
    id: "part1",
    responsibilityId: "resp1",
    systemId: "sys1",
    domainKey: "data_security",
    domainName: "Data Security",
    side: "CUSTOMER",
    value: "C",
    derivedValue: "C",
    overrideValue: null,
    overrideJustification: null,
    critical: false,
    ownerName: null,
    status: "NOT_STARTED",
    justification: null,
    dueDate: null,
    riskAcceptanceExpiresAt: null,
    evidenceIds: [],
    covered: false,
    ...overrides,
  };
}

type ByComponent = {
  "component-uuid": string;
  export?: { provided?: { uuid: string }[]; responsibilities?: { "provided-uuid": string }[] };
  inherited?: { "provided-uuid": string }[];
  satisfied?: { "responsibility-uuid": string }[];
  "implementation-status"?: { state: string };
};

function statements(d: SspDuty, v: typeof vendor | null = vendor) {
  const requirement = dutyRequirement({ duty: d, system, vendor: v, workspaceId: "ws" });
  const byComponents = requirement["by-components"] as ByComponent[];
  return {
    requirement,
    provided: byComponents.flatMap((b) => b.export?.provided ?? []),
    responsibilities: byComponents.flatMap((b) => b.export?.responsibilities ?? []),
    inherited: byComponents.flatMap((b) => b.inherited ?? []),
    satisfied: byComponents.flatMap((b) => b.satisfied ?? []),
    byComponents,
  };
}

describe("duty statements", () => {
  it("P: the vendor provides, the system inherits; nothing is left to the customer", () => {
    const s = statements(duty({ side: "PROVIDER", value: "P" }));
    expect(s.provided.map((p) => p.uuid)).toEqual([providedUuid("resp1")]);
    expect(s.inherited.map((i) => i["provided-uuid"])).toEqual([providedUuid("resp1")]);
    expect(s.responsibilities).toEqual([]);
    expect(s.satisfied).toEqual([]);
  });

  it("S: the provider side also names the responsibility the customer side satisfies", () => {
    const provider = statements(duty({ id: "pp", side: "PROVIDER", value: "S" }));
    const customer = statements(duty({ id: "pc", side: "CUSTOMER", value: "S" }));
    expect(provider.provided).toHaveLength(1);
    expect(provider.inherited).toHaveLength(1);
    expect(provider.responsibilities.map((r) => r["provided-uuid"])).toEqual([
      providedUuid("resp1"),
    ]);
    expect(customer.satisfied.map((x) => x["responsibility-uuid"])).toEqual([
      customerResponsibilityUuid("resp1"),
    ]);
    expect(customer.provided).toEqual([]);
    expect(customer.inherited).toEqual([]);
    // Both sides answer the same control: the domain.
    expect(provider.requirement["control-id"]).toBe("data_security");
    expect(customer.requirement["control-id"]).toBe("data_security");
  });

  it("C: the customer's own work, with neither inherited nor satisfied", () => {
    const s = statements(duty({ value: "C", status: "IMPLEMENTED", ownerName: "Ada" }));
    expect(s.provided).toEqual([]);
    expect(s.responsibilities).toEqual([]);
    expect(s.inherited).toEqual([]);
    expect(s.satisfied).toEqual([]);
    expect(s.byComponents[0]?.["implementation-status"]).toEqual({ state: "implemented" });
    expect(s.requirement["responsible-roles"]).toEqual([
      { "role-id": "duty-owner", "party-uuids": [expect.any(String)] },
    ]);
  });

  it("without a vendor, writes no leveraged statements for either side", () => {
    const provider = statements(duty({ side: "PROVIDER", value: "S" }), null);
    const customer = statements(duty({ side: "CUSTOMER", value: "S" }), null);
    expect([...provider.provided, ...provider.inherited, ...provider.responsibilities]).toEqual([]);
    expect(customer.satisfied).toEqual([]);
  });

  it("maps statuses, dates and justifications to OSCAL fields and our props", () => {
    expect(implementationState("IN_PROGRESS")).toBe("partial");
    expect(implementationState("NOT_APPLICABLE")).toBe("not-applicable");
    expect(implementationState("NOT_STARTED")).toBe("planned");
    const { requirement } = statements(
      duty({
        status: "RISK_ACCEPTED",
        justification: "Compensated by the proxy",
        dueDate: "2026-03-01T00:00:00.000Z",
        riskAcceptanceExpiresAt: "2027-01-01T00:00:00.000Z",
        overrideValue: "C",
        derivedValue: "S",
        overrideJustification: "We host it",
      }),
    );
    const props = Object.fromEntries(
      (requirement.props as { name: string; value: string }[]).map((p) => [p.name, p.value]),
    );
    expect(props).toMatchObject({
      status: "risk-accepted",
      "due-date": "2026-03-01",
      "risk-acceptance-expires": "2027-01-01",
      "derived-value": "S",
      "override-value": "C",
    });
    expect(requirement.remarks).toContain("Compensated by the proxy");
    expect(requirement.remarks).toContain("We host it");
  });

  it("makes domain keys that start with a digit valid control ids", () => {
    expect(controlId("2fa")).toBe("_2fa");
    expect(controlId("data_security")).toBe("data_security");
  });
});

function sspInput(): SspInput {
  return {
    workspace: { id: "ws", slug: "acme", name: "Acme  Corp " },
    generatedAt: "2026-12-07T10:00:00.000Z",
    systems: [system],
    vendors: [vendor],
    duties: [
      duty({ id: "pp", side: "PROVIDER", value: "S", evidenceIds: ["e1", "gone"] }),
      duty({ id: "pc", side: "CUSTOMER", value: "S", ownerName: "Ada", evidenceIds: ["e1"] }),
    ],
    evidence: [
      {
        id: "e1",
        kind: "ATTESTATION",
        title: "SOC 2\ntype II",
        description: null,
        href: "../evidence/acme/soc%202.pdf",
        contentType: "application/pdf",
        sha256: "a".repeat(64),
        collectedAt: "2026-01-01T00:00:00.000Z",
        validUntil: null,
        reviewStatus: "ACCEPTED",
        state: "CURRENT",
        attestationType: "SOC 2",
        vendorId: "v1",
      },
    ],
    frameworkVersions: [{ key: "ai-security-srm", version: "1.1.0", name: "AI SRM" }],
    catalogHref: () => "catalog.json",
  };
}

describe("SSP document", () => {
  it("validates against the OSCAL 1.2.1 SSP schema and carries evidence hashes", () => {
    const document = buildSsp(sspInput());
    expect(validateOscal(document)).toEqual({ ok: true, model: "system-security-plan" });
    const resources = document["system-security-plan"]["back-matter"]?.resources ?? [];
    const evidence = resources.find((r) => r.title === "SOC 2 type II") as
      { rlinks: { hashes: unknown[] }[] } | undefined;
    expect(evidence?.rlinks[0]?.hashes).toEqual([{ algorithm: "SHA-256", value: "a".repeat(64) }]);
    // A link to evidence outside the document is dropped rather than left dangling.
    const text = serialiseOscal(document);
    expect(text).not.toContain(uuidV5("evidence:gone"));
  });

  it("is identical for identical data except the timestamp", () => {
    const one = serialiseOscal(buildSsp(sspInput()));
    const two = serialiseOscal(
      buildSsp({ ...sspInput(), generatedAt: "2026-12-08T11:00:00.000Z" }),
    );
    expect(two.replaceAll("2026-12-08T11:00:00.000Z", "2026-12-07T10:00:00.000Z")).toBe(one);
    // The version is derived from the content: other data, another version.
    const changed = sspInput();
    changed.duties[0] = { ...changed.duties[0]!, status: "IMPLEMENTED" };
    const version = (text: string) => /"version": "(sha256-[0-9a-f]{16})"/.exec(text)?.[1];
    expect(version(one)).toBeDefined();
    expect(version(serialiseOscal(buildSsp(changed)))).not.toBe(version(one));
  });

  it("is refused by the schema when a required member is missing", () => {
    const document = buildSsp(sspInput());
    const broken = structuredClone(document) as { "system-security-plan": Record<string, unknown> };
    delete broken["system-security-plan"]["import-profile"];
    const result = validateOscal(broken);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringContaining("must have required property 'import-profile'"),
    ]);
  });
});

describe("catalog and mapping collection", () => {
  const framework = parse(
    readFileSync("frameworks/ai-security-srm/1.1.0.yaml", "utf8"),
  ) as FrameworkDefinition;
  const crosswalk = parse(
    readFileSync("frameworks/crosswalks/ai-srm-standards/1.0.0.yaml", "utf8"),
  ) as CrosswalkDefinition;

  it("writes one control per domain with one responsibility part per deployment model", () => {
    const document = buildCatalog({ definition: framework, generatedAt: "2026-12-07T10:00:00Z" });
    expect(validateOscal(document)).toEqual({ ok: true, model: "catalog" });
    const controls = document.catalog.groups.flatMap((g) => g.controls);
    expect(controls).toHaveLength(framework.rows.length);
    const first = controls[0]!;
    const responsibility = first.parts.filter((p) => p.name === "responsibility");
    expect(responsibility).toHaveLength(framework.columns.length);
  });

  it("writes every crosswalk edge as a map that validates as a mapping collection", () => {
    const document = buildMappingCollection({
      crosswalks: [{ definition: crosswalk, definitionHash: "f".repeat(64) }],
      catalogHref: ({ key, version }) => `catalog-${key}-${version}.json`,
      generatedAt: "2026-12-07T10:00:00Z",
    });
    expect(validateOscal(document)).toEqual({ ok: true, model: "mapping-collection" });
    const maps = document["mapping-collection"].mappings.flatMap((m) => m.maps);
    expect(maps).toHaveLength(crosswalk.edges.length);
    expect(validateOscal(document, { expected: "catalog" }).ok).toBe(false);
  });
});

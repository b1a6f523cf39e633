// Provider responsibility statements end to end on a real database: a provider workspace
// publishes, a customer workspace imports for a vendor, the provider parts of that vendor's
// systems become covered while the attestations are valid, disagreements become review items,
// a newer version supersedes the older one; bad input writes nothing; the public link shows
// only what was published; every action and route keeps workspaces apart and respects roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import StatementPage from "@/app/(app)/w/[workspaceSlug]/statements/[statementId]/page";
import StatementsPage from "@/app/(app)/w/[workspaceSlug]/statements/page";
import { VendorStatementsSection } from "@/app/(app)/w/[workspaceSlug]/vendors/_components/vendor-statements-section";
import VendorPage from "@/app/(app)/w/[workspaceSlug]/vendors/[vendorId]/page";
import { PUT as reviewRoute } from "@/app/api/v1/statement-review-items/[itemId]/route";
import { PUT as draftRoute } from "@/app/api/v1/statements/[statementId]/draft/route";
import { POST as revokeRoute } from "@/app/api/v1/statements/[statementId]/revoke/route";
import { GET as getStatementRoute } from "@/app/api/v1/statements/[statementId]/route";
import { POST as publishRoute } from "@/app/api/v1/statements/[statementId]/versions/route";
import { PUT as visibilityRoute } from "@/app/api/v1/statements/[statementId]/visibility/route";
import {
  GET as listStatementsRoute,
  POST as createStatementRoute,
} from "@/app/api/v1/statements/route";
import {
  GET as listVendorStatementsRoute,
  POST as importRoute,
} from "@/app/api/v1/vendors/[vendorId]/statements/route";
import { GET as getComponentJson } from "@/app/statements/[token]/component-definition.json/route";
import PublicStatementPage from "@/app/statements/[token]/page";
import { GET as getStatementJson } from "@/app/statements/[token]/statement.json/route";
import {
  createStatementAction,
  decideReviewItemAction,
  importStatementAction,
  publishStatementAction,
  revokeStatementAction,
  setStatementVisibilityAction,
  updateStatementDraftAction,
} from "@/lib/actions/statements";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { componentDefinitionFromStatement } from "@/lib/oscal/component-definition";
import { validateOscal } from "@/lib/oscal/validate";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { createProviderStatement } from "@/lib/server/statements/create-provider-statement";
import { decideReviewItem } from "@/lib/server/statements/decide-review-item";
import { getPublicStatement } from "@/lib/server/statements/get-public-statement";
import { importStatement } from "@/lib/server/statements/import-statement";
import { listVendorStatements } from "@/lib/server/statements/list-vendor-statements";
import { publishProviderStatement } from "@/lib/server/statements/publish-provider-statement";
import { revokeProviderStatement } from "@/lib/server/statements/revoke-provider-statement";
import { updateStatementDraft } from "@/lib/server/statements/update-statement-draft";
import { createVendor } from "@/lib/server/vendors/create-vendor";
import type { StatementBody } from "@/lib/statements/format";
import { STATEMENT_MAX_BYTES } from "@/lib/statements/format";
import { expectNotFound } from "@/tests/support/identity-fixtures";

import { type ApiSide, buildApiSide, callApi } from "./api-fixtures";
import { serialise } from "./dashboard-fixtures";
import { ensureFrameworks, registerTestSystem } from "./systems-fixtures";

const FRAMEWORK = { key: "ai-security-srm", version: "1.1.0" };
const SOC2 = "1".repeat(64);
const PEN = "2".repeat(64);
const ISO = "3".repeat(64);

// On saas_ai the matrix says: model_security P, data_privacy S, user_access_control C,
// application_security P.
const bodyV1: StatementBody = {
  framework: FRAMEWORK,
  deploymentModels: ["saas_ai"],
  domains: [
    { key: "model_security", position: "provider" },
    { key: "data_privacy", position: "shared" },
    { key: "user_access_control", position: "provider" },
    { key: "application_security", position: "customer" },
  ],
  attestations: [
    { title: "SOC 2 Type II", type: "SOC 2", validUntil: "2099-12-31", sha256: SOC2 },
    { title: "Pen test", validUntil: "2099-12-31", sha256: PEN, domains: ["model_security"] },
  ],
};

let provider: ApiSide;
let customer: ApiSide;
let vendorId: string;
let saasSystemId: string;
let statementId: string;
let token: string;

async function tableCounts(workspaceId: string) {
  const [imported, versions, evidence, links, items, audit] = await Promise.all([
    db.importedStatement.count({ where: { workspaceId } }),
    db.importedStatementVersion.count({ where: { workspaceId } }),
    db.evidence.count({ where: { workspaceId } }),
    db.evidenceLink.count({ where: { workspaceId } }),
    db.statementReviewItem.count({ where: { workspaceId } }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  return { imported, versions, evidence, links, items, audit };
}

function vendorCoverage() {
  return getCoverage({ workspaceId: customer.workspace.id, scope: { vendorId } });
}

beforeAll(async () => {
  await ensureFrameworks();
  provider = await buildApiSide("stmt-prov");
  customer = await buildApiSide("stmt-cust");
  const vendor = await createVendor({
    workspaceId: customer.workspace.id,
    actor: customer.actor,
    fields: {
      name: "Acme AI",
      kind: null,
      website: null,
      contactName: null,
      contactEmail: null,
      notes: null,
    },
  });
  vendorId = vendor.id;
  saasSystemId = (
    await registerTestSystem(customer.workspace, customer.actor, {
      primaryModel: "saas_ai",
      name: "Support bot",
      vendorId,
    })
  ).id;
  // Same vendor, a deployment model the statement does not speak for: left alone.
  await registerTestSystem(customer.workspace, customer.actor, {
    primaryModel: "iaas_ai",
    name: "Self-run model",
    vendorId,
  });
  const created = await createProviderStatement({
    workspaceId: provider.workspace.id,
    actor: provider.actor,
    input: {
      productName: "Acme Chat",
      providerName: "Acme AI",
      frameworkKey: FRAMEWORK.key,
      frameworkVersion: FRAMEWORK.version,
    },
  });
  statementId = created.id;
  await updateStatementDraft({
    workspaceId: provider.workspace.id,
    actor: provider.actor,
    input: { statementId, productName: "Acme Chat", providerName: "Acme AI", body: bodyV1 },
  });
  await publishProviderStatement({
    workspaceId: provider.workspace.id,
    actor: provider.actor,
    statementId,
  });
  token = (await db.providerStatement.findUniqueOrThrow({ where: { id: statementId } })).shareToken;
});

afterAll(() => setSessionForTests(undefined));

describe("publishing", () => {
  it("the public link shows only what was published, as our JSON and valid OSCAL", async () => {
    const published = await getPublicStatement(token);
    expect(published?.document).toMatchObject({
      format: "ai-srm-provider-statement/1",
      version: 1,
      provider: { name: "Acme AI" },
      product: { name: "Acme Chat" },
      ...bodyV1,
    });
    const response = await getStatementJson(new Request("http://localhost/x"), {
      params: Promise.resolve({ token }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    const text = await response.text();
    const oscalResponse = await getComponentJson(new Request("http://localhost/x"), {
      params: Promise.resolve({ token }),
    });
    const oscalText = await oscalResponse.text();
    expect(validateOscal(JSON.parse(oscalText), { expected: "component-definition" })).toEqual({
      ok: true,
      model: "component-definition",
    });
    // Nothing of the publisher beyond the statement: no workspace, member, row id or token.
    for (const secret of [
      provider.workspace.id,
      provider.workspace.slug,
      provider.workspace.name,
      "Secret",
      provider.owner.email,
      provider.owner.id,
      statementId,
      provider.vendor.id,
      provider.system.id,
      token,
    ]) {
      expect(text, secret).not.toContain(secret);
      expect(oscalText, secret).not.toContain(secret);
    }
  });

  it("an unknown token is 404, a draft is not published, another workspace cannot touch it", async () => {
    const missing = await getStatementJson(new Request("http://localhost/x"), {
      params: Promise.resolve({ token: "x".repeat(43) }),
    });
    expect(missing.status).toBe(404);
    for (const run of [
      () =>
        publishProviderStatement({
          workspaceId: customer.workspace.id,
          actor: customer.actor,
          statementId,
        }),
      () =>
        revokeProviderStatement({
          workspaceId: customer.workspace.id,
          actor: customer.actor,
          statementId,
        }),
    ])
      await expect(run()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a draft naming domains the framework lacks is refused with every one named", async () => {
    const error = await updateStatementDraft({
      workspaceId: provider.workspace.id,
      actor: provider.actor,
      input: {
        statementId,
        productName: "Acme Chat",
        providerName: null,
        body: {
          ...bodyV1,
          deploymentModels: ["warp"],
          domains: [...bodyV1.domains, { key: "telepathy", position: "provider" }],
        },
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors.body).toEqual([
      'deploymentModels.0: "warp" is not a deployment model of ai-security-srm 1.1.0',
      'domains.4.key: "telepathy" is not a domain of ai-security-srm 1.1.0',
    ]);
  });
});

describe("importing", () => {
  let v1Text: string;

  it("covers the provider parts of the claimed domains while the attestations are valid", async () => {
    const published = await getPublicStatement(token);
    v1Text = JSON.stringify(published!.document);
    const before = await vendorCoverage();
    const result = await importStatement({
      workspaceId: customer.workspace.id,
      actor: customer.actor,
      vendorId,
      text: v1Text,
    });
    // saas_ai only; model_security (P) and data_privacy (S) have provider parts to cover.
    expect(result).toMatchObject({ version: 1, systems: 1, linkedDuties: 2, reviewItems: 2 });
    const after = await vendorCoverage();
    expect(after.coveredDuties - before.coveredDuties).toBe(2);
    expect(after.providerAssuredRate!).toBeGreaterThan(before.providerAssuredRate ?? 0);

    // Not a vendor-wide attestation: only the claimed domains' parts are linked.
    const evidence = await db.evidence.findMany({
      where: { workspaceId: customer.workspace.id, importedStatementVersionId: { not: null } },
      include: { links: { include: { duty: { select: { domainKey: true, systemId: true } } } } },
      orderBy: { title: "asc" },
    });
    expect(evidence.map((e) => [e.title, e.vendorId, e.sha256, e.attestationType])).toEqual([
      ["Pen test", null, PEN, "PENETRATION_TEST"],
      ["SOC 2 Type II", null, SOC2, "SOC2_REPORT"],
    ]);
    expect(evidence[0]!.links.map((l) => l.duty.domainKey)).toEqual(["model_security"]);
    expect(evidence[1]!.links.map((l) => l.duty.domainKey).sort()).toEqual([
      "data_privacy",
      "model_security",
    ]);
    expect(new Set(evidence.flatMap((e) => e.links.map((l) => l.duty.systemId)))).toEqual(
      new Set([saasSystemId]),
    );

    // Expired attestations: coverage falls again by itself.
    await db.evidence.updateMany({
      where: { workspaceId: customer.workspace.id, importedStatementVersionId: { not: null } },
      data: { validUntil: new Date("2020-01-01T00:00:00Z") },
    });
    expect((await vendorCoverage()).coveredDuties).toBe(before.coveredDuties);
    await db.evidence.updateMany({
      where: { workspaceId: customer.workspace.id, importedStatementVersionId: { not: null } },
      data: { validUntil: new Date("2099-12-31T23:59:59.999Z") },
    });
    expect((await vendorCoverage()).coveredDuties).toBe(after.coveredDuties);
  });

  it("opens a review item for each cell where the statement disagrees with the system", async () => {
    const [statement] = await listVendorStatements({
      workspaceId: customer.workspace.id,
      vendorId,
    });
    expect(
      statement!.latest!.reviewItems.map((i) => [
        i.systemName,
        i.domainKey,
        i.systemValue,
        i.statementValue,
        i.state,
      ]),
    ).toEqual([
      ["Support bot", "application_security", "P", "C", "OPEN"],
      ["Support bot", "user_access_control", "C", "P", "OPEN"],
    ]);
    // The matrix is left alone.
    const values = await db.responsibility.findMany({
      where: {
        systemId: saasSystemId,
        domainKey: { in: ["application_security", "user_access_control"] },
      },
      select: { domainKey: true, value: true, overrideValue: true },
      orderBy: { domainKey: "asc" },
    });
    expect(values).toEqual([
      { domainKey: "application_security", value: "P", overrideValue: null },
      { domainKey: "user_access_control", value: "C", overrideValue: null },
    ]);
    const item = statement!.latest!.reviewItems[0]!;
    await decideReviewItem({
      workspaceId: customer.workspace.id,
      actor: customer.actor,
      itemId: item.id,
      state: "ACKNOWLEDGED",
    });
    await expect(
      decideReviewItem({
        workspaceId: provider.workspace.id,
        actor: provider.actor,
        itemId: item.id,
        state: "RESOLVED",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a newer version shows what changed and supersedes the older one's attestations", async () => {
    // The same version again is refused, nothing written.
    const counts = await tableCounts(customer.workspace.id);
    await expect(
      importStatement({
        workspaceId: customer.workspace.id,
        actor: customer.actor,
        vendorId,
        text: v1Text,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await tableCounts(customer.workspace.id)).toEqual(counts);

    await updateStatementDraft({
      workspaceId: provider.workspace.id,
      actor: provider.actor,
      input: {
        statementId,
        productName: "Acme Chat",
        providerName: "Acme AI",
        body: {
          ...bodyV1,
          domains: [
            { key: "model_security", position: "shared" },
            { key: "data_privacy", position: "shared" },
            { key: "user_access_control", position: "provider" },
            { key: "application_security", position: "customer" },
          ],
          attestations: [
            { ...bodyV1.attestations[0]!, validUntil: "2098-01-01" },
            { title: "ISO 42001", validUntil: "2099-01-01", sha256: ISO },
          ],
        },
      },
    });
    await publishProviderStatement({
      workspaceId: provider.workspace.id,
      actor: provider.actor,
      statementId,
    });
    const v2 = await getPublicStatement(token);
    expect(v2!.document.version).toBe(2);
    const result = await importStatement({
      workspaceId: customer.workspace.id,
      actor: customer.actor,
      vendorId,
      text: JSON.stringify(v2!.document),
    });
    expect(result.diff).toEqual({
      domains: [{ key: "model_security", before: "provider", after: "shared" }],
      attestations: {
        added: [{ title: "ISO 42001", sha256: ISO }],
        removed: [{ title: "Pen test", sha256: PEN }],
        changed: [{ title: "SOC 2 Type II", sha256: SOC2, fields: ["validUntil"] }],
      },
      deploymentModels: { added: [], removed: [] },
    });
    const evidence = await db.evidence.findMany({
      where: { workspaceId: customer.workspace.id, importedStatementVersionId: { not: null } },
      select: {
        title: true,
        supersededAt: true,
        importedStatementVersion: { select: { version: true } },
      },
    });
    const live = evidence.filter((e) => e.supersededAt === null);
    expect(live.map((e) => [e.title, e.importedStatementVersion?.version]).sort()).toEqual([
      ["ISO 42001", 2],
      ["SOC 2 Type II", 2],
    ]);
    expect(evidence.filter((e) => e.supersededAt !== null)).toHaveLength(2);
    // Still covered (by v2's attestations), and the acknowledged disagreement kept its state.
    const [statement] = await listVendorStatements({
      workspaceId: customer.workspace.id,
      vendorId,
    });
    expect(statement!.latest!.version).toBe(2);
    expect(statement!.olderVersions.map((v) => v.version)).toEqual([1]);
    expect(statement!.latest!.reviewItems.map((i) => [i.domainKey, i.state])).toEqual([
      ["application_security", "ACKNOWLEDGED"],
      ["model_security", "OPEN"],
      ["user_access_control", "OPEN"],
    ]);
  });

  it("imports the OSCAL component definition of a newer version the same way", async () => {
    await publishProviderStatement({
      workspaceId: provider.workspace.id,
      actor: provider.actor,
      statementId,
    });
    const v3 = await getPublicStatement(token);
    const result = await importStatement({
      workspaceId: customer.workspace.id,
      actor: customer.actor,
      vendorId,
      text: JSON.stringify(componentDefinitionFromStatement(v3!.document)),
    });
    expect(result).toMatchObject({
      version: 3,
      sourceFormat: "oscal-component-definition",
      unmapped: [],
      diff: { domains: [], attestations: { added: [], removed: [], changed: [] } },
    });
  });
});

describe("bad input is refused with every problem named, nothing written", () => {
  const base = () => ({
    format: "ai-srm-provider-statement/1",
    statementId: "9c6f1f7e-8a4b-4c3d-9e2f-1a2b3c4d5e6f",
    version: 1,
    publishedAt: "2026-12-01T00:00:00Z",
    product: { name: "Other product" },
    ...bodyV1,
  });
  const cases: [string, () => string, string[]][] = [
    ["invalid JSON", () => "{ not json", ["file: not valid JSON"]],
    [
      "an invalid statement",
      () =>
        JSON.stringify({ ...base(), version: -1, attestations: [{ title: "x", sha256: "no" }] }),
      ["version:", "attestations.0.sha256:"],
    ],
    [
      "another framework version",
      () => JSON.stringify({ ...base(), framework: { key: "ai-security-srm", version: "0.9" } }),
      ["framework: ai-security-srm 0.9 is not a framework version of this workspace"],
    ],
    [
      "unknown domain ids",
      () =>
        JSON.stringify({
          ...base(),
          domains: [
            { key: "telepathy", position: "provider" },
            { key: "weather", position: "shared" },
          ],
          attestations: [],
        }),
      ['domains.0.key: "telepathy"', 'domains.1.key: "weather"'],
    ],
    [
      "an oversized file",
      () => JSON.stringify({ ...base(), padding: "x".repeat(STATEMENT_MAX_BYTES) }),
      ["is larger than the 512 KB"],
    ],
    [
      "an invalid OSCAL document",
      () =>
        JSON.stringify({
          "component-definition": { uuid: "not-a-uuid", metadata: {}, components: "none" },
        }),
      ["OSCAL /component-definition"],
    ],
  ];

  it.each(cases)("%s", async (_name, text, expected) => {
    const counts = await tableCounts(customer.workspace.id);
    const error = (await importStatement({
      workspaceId: customer.workspace.id,
      actor: customer.actor,
      vendorId,
      text: text(),
    }).catch((e: unknown) => e)) as { code: string; fieldErrors: { statement: string[] } };
    expect(error.code).toBe("VALIDATION_FAILED");
    for (const fragment of expected)
      expect(
        error.fieldErrors.statement.some((p) => p.includes(fragment)),
        `${fragment} in ${JSON.stringify(error.fieldErrors.statement)}`,
      ).toBe(true);
    expect(await tableCounts(customer.workspace.id)).toEqual(counts);
  });
});

describe("actions: two workspaces and roles", () => {
  it("a member of another workspace gets 404 from every action; a VIEWER and an AUDITOR 403", async () => {
    setSessionForTests(customer.owner.id);
    const foreign = await Promise.all([
      createStatementAction(provider.workspace.slug, {
        productName: "X",
        frameworkKey: FRAMEWORK.key,
        frameworkVersion: FRAMEWORK.version,
      }),
      publishStatementAction(provider.workspace.slug, { statementId }),
      revokeStatementAction(provider.workspace.slug, { statementId }),
      setStatementVisibilityAction(provider.workspace.slug, { statementId, visibility: "PUBLIC" }),
      importStatementAction(provider.workspace.slug, { vendorId, text: "{}" }),
    ]);
    for (const result of foreign) expect(result?.serverError).toMatchObject({ code: "NOT_FOUND" });
    // Own workspace, other workspace's ids.
    expect(
      (await publishStatementAction(customer.workspace.slug, { statementId }))?.serverError,
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      (
        await importStatementAction(provider.workspace.slug, {
          vendorId: provider.vendor.id,
          text: "{}",
        })
      )?.serverError,
    ).toMatchObject({ code: "NOT_FOUND" });

    for (const user of [provider.viewer, provider.auditor]) {
      setSessionForTests(user.id);
      const results = await Promise.all([
        createStatementAction(provider.workspace.slug, {
          productName: "X",
          frameworkKey: FRAMEWORK.key,
          frameworkVersion: FRAMEWORK.version,
        }),
        updateStatementDraftAction(provider.workspace.slug, {
          statementId,
          productName: "X",
          body: bodyV1,
        }),
        publishStatementAction(provider.workspace.slug, { statementId }),
        revokeStatementAction(provider.workspace.slug, { statementId }),
        importStatementAction(provider.workspace.slug, {
          vendorId: provider.vendor.id,
          text: "{}",
        }),
        decideReviewItemAction(provider.workspace.slug, { itemId: "x", state: "RESOLVED" }),
      ]);
      for (const result of results)
        expect(result?.serverError).toMatchObject({ code: "FORBIDDEN" });
    }
    // An EDITOR may publish.
    setSessionForTests(provider.editor.id);
    const ok = await setStatementVisibilityAction(provider.workspace.slug, {
      statementId,
      visibility: "PUBLIC",
    });
    expect(ok?.data).toEqual({ id: statementId, visibility: "PUBLIC" });
    const visible = await getStatementJson(new Request("http://localhost/x"), {
      params: Promise.resolve({ token }),
    });
    expect(visible.headers.get("x-robots-tag")).toBeNull();
  });
});

describe("pages: two workspaces and roles", () => {
  const slugOf = (side: ApiSide) => side.workspace.slug;
  it("another workspace's member gets 404 on every page; ids of another workspace are 404", async () => {
    setSessionForTests(customer.viewer.id);
    await expectNotFound(() =>
      StatementsPage({ params: Promise.resolve({ workspaceSlug: slugOf(provider) }) }),
    );
    await expectNotFound(() =>
      StatementPage({
        params: Promise.resolve({ workspaceSlug: slugOf(provider), statementId }),
      }),
    );
    // Own workspace, the provider's statement id.
    await expectNotFound(() =>
      StatementPage({
        params: Promise.resolve({ workspaceSlug: slugOf(customer), statementId }),
      }),
    );
    setSessionForTests(provider.viewer.id);
    await expectNotFound(() =>
      VendorPage({ params: Promise.resolve({ workspaceSlug: slugOf(customer), vendorId }) }),
    );
    await expectNotFound(() =>
      StatementsPage({ params: Promise.resolve({ workspaceSlug: slugOf(customer) }) }),
    );
  });

  it("a VIEWER reads but gets no forms; an EDITOR gets them", async () => {
    setSessionForTests(provider.viewer.id);
    const viewerList = serialise(
      await StatementsPage({ params: Promise.resolve({ workspaceSlug: slugOf(provider) }) }),
    );
    expect(viewerList).toContain("Acme Chat");
    expect(viewerList).not.toContain("New statement");
    const viewerDetail = serialise(
      await StatementPage({
        params: Promise.resolve({ workspaceSlug: slugOf(provider), statementId }),
      }),
    );
    expect(viewerDetail).toContain(token);
    // The draft editor (its props: the evidence library's attestations) is for publishers only.
    expect(viewerDetail).not.toContain('"candidates"');
    setSessionForTests(provider.editor.id);
    const editorList = serialise(
      await StatementsPage({ params: Promise.resolve({ workspaceSlug: slugOf(provider) }) }),
    );
    expect(editorList).toContain("New statement");
    const editorDetail = serialise(
      await StatementPage({
        params: Promise.resolve({ workspaceSlug: slugOf(provider), statementId }),
      }),
    );
    expect(editorDetail).toContain('"candidates"');

    // The customer's vendor section lists the review items, with buttons for editors only.
    const section = (role: string) =>
      VendorStatementsSection({
        workspaceId: customer.workspace.id,
        slug: slugOf(customer),
        role,
        vendorId,
      });
    const viewerSection = serialise(await section("VIEWER"));
    expect(viewerSection).toContain("application_security");
    expect(viewerSection).not.toContain("itemId");
    expect(serialise(await section("EDITOR"))).toContain("itemId");
  });

  it("a new statement (empty draft, nothing published) renders for its editor", async () => {
    const fresh = await createProviderStatement({
      workspaceId: provider.workspace.id,
      actor: provider.actor,
      input: {
        productName: "Fresh product",
        providerName: null,
        frameworkKey: FRAMEWORK.key,
        frameworkVersion: FRAMEWORK.version,
      },
    });
    setSessionForTests(provider.editor.id);
    const text = serialise(
      await StatementPage({
        params: Promise.resolve({ workspaceSlug: slugOf(provider), statementId: fresh.id }),
      }),
    );
    expect(text).toContain("Not published yet.");
    expect(text).toContain('"deploymentModels":[]');
    // Publishing it as it is names what is missing.
    const refused = await publishProviderStatement({
      workspaceId: provider.workspace.id,
      actor: provider.actor,
      statementId: fresh.id,
    }).catch((e: unknown) => e);
    expect((refused as { fieldErrors: Record<string, string[]> }).fieldErrors.body).toEqual([
      "deploymentModels: name at least one deployment model",
    ]);
  });

  it("the public page shows the statement and nothing of the publisher", async () => {
    const text = serialise(await PublicStatementPage({ params: Promise.resolve({ token }) }));
    expect(text).toContain("Acme Chat");
    for (const secret of [provider.workspace.name, provider.workspace.slug, statementId, "Secret"])
      expect(text).not.toContain(secret);
    await expectNotFound(() =>
      PublicStatementPage({ params: Promise.resolve({ token: "y".repeat(43) }) }),
    );
  });
});

describe("REST API", () => {
  it("serves each route to its own workspace only, with the roles' permissions", async () => {
    const list = await callApi(listStatementsRoute, { token: provider.tokens.VIEWER });
    expect(
      ((await list.json()) as { statements: { id: string }[] }).statements.map((s) => s.id),
    ).toContain(statementId);
    const customerList = await callApi(listStatementsRoute, { token: customer.tokens.VIEWER });
    expect(((await customerList.json()) as { statements: unknown[] }).statements).toEqual([]);

    const params = { statementId };
    for (const [handler, method, body] of [
      [getStatementRoute, "GET", undefined],
      [draftRoute, "PUT", { productName: "X", body: bodyV1 }],
      [publishRoute, "POST", undefined],
      [visibilityRoute, "PUT", { visibility: "PUBLIC" }],
      [revokeRoute, "POST", undefined],
    ] as const) {
      const response = await callApi(handler, {
        token: customer.tokens.ADMIN,
        method,
        params,
        body,
      });
      expect(response.status, `${method} ${handler.name}`).toBe(404);
    }
    expect(
      (await callApi(publishRoute, { token: provider.tokens.VIEWER, method: "POST", params }))
        .status,
    ).toBe(403);
    expect(
      (
        await callApi(createStatementRoute, {
          token: provider.tokens.AUDITOR,
          method: "POST",
          body: {
            productName: "Y",
            frameworkKey: FRAMEWORK.key,
            frameworkVersion: FRAMEWORK.version,
          },
        })
      ).status,
    ).toBe(403);

    // Import through the API: the vendor of another workspace is 404, a VIEWER 403, bad input 400
    // with every problem, an EDITOR 201.
    const published = await getPublicStatement(token);
    const text = JSON.stringify({ ...published!.document, version: 10 });
    const foreignVendor = await callApi(importRoute, {
      token: provider.tokens.EDITOR,
      method: "POST",
      params: { vendorId },
      body: { text },
    });
    expect(foreignVendor.status).toBe(404);
    expect(
      (
        await callApi(importRoute, {
          token: customer.tokens.VIEWER,
          method: "POST",
          params: { vendorId },
          body: { text },
        })
      ).status,
    ).toBe(403);
    const bad = await callApi(importRoute, {
      token: customer.tokens.EDITOR,
      method: "POST",
      params: { vendorId },
      body: {
        text: JSON.stringify({ ...published!.document, domains: [{ key: "a", position: "x" }] }),
      },
    });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { fields: { statement: string[] } } };
    expect(badBody.error.fields.statement.length).toBeGreaterThanOrEqual(1);
    const ok = await callApi(importRoute, {
      token: customer.tokens.EDITOR,
      method: "POST",
      params: { vendorId },
      body: { text },
    });
    expect(ok.status).toBe(201);
    expect(
      (
        await callApi(listVendorStatementsRoute, {
          token: provider.tokens.VIEWER,
          params: { vendorId },
        })
      ).status,
    ).toBe(404);
    const listed = await callApi(listVendorStatementsRoute, {
      token: customer.tokens.VIEWER,
      params: { vendorId },
    });
    const statements = (
      (await listed.json()) as {
        statements: { latest: { version: number; reviewItems: { id: string }[] } }[];
      }
    ).statements;
    expect(statements[0]!.latest.version).toBe(10);
    const itemId = statements[0]!.latest.reviewItems[0]!.id;
    expect(
      (
        await callApi(reviewRoute, {
          token: provider.tokens.ADMIN,
          method: "PUT",
          params: { itemId },
          body: { state: "RESOLVED" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callApi(reviewRoute, {
          token: customer.tokens.EDITOR,
          method: "PUT",
          params: { itemId },
          body: { state: "RESOLVED" },
        })
      ).status,
    ).toBe(200);
  });

  it("a revoked statement's link answers 404", async () => {
    await revokeProviderStatement({
      workspaceId: provider.workspace.id,
      actor: provider.actor,
      statementId,
    });
    await expectNotFound(() => PublicStatementPage({ params: Promise.resolve({ token }) }));
    for (const handler of [getStatementJson, getComponentJson]) {
      const response = await handler(new Request("http://localhost/x"), {
        params: Promise.resolve({ token }),
      });
      expect(response.status).toBe(404);
    }
    expect(await getPublicStatement(token)).toBeNull();
  });
});

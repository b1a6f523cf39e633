// A vendor's current provider statement applies to its systems whatever the order: a system
// registered with the vendor after the import, imported from CSV, moved to the vendor, or moved
// onto a deployment model the statement speaks for gets the attestation links and review items
// the import would have written; a system that leaves the vendor (edit, REST unlink, vendor
// deleted) loses them again, open review items with them, decided ones kept. Real database;
// coverage read with the coverage service; another workspace with a vendor of the same name is
// never touched.
import { beforeAll, describe, expect, it } from "vitest";

import { DELETE as unlinkRoute } from "@/app/api/v1/vendors/[vendorId]/systems/[systemId]/route";
import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { applyResponsibilityOverride } from "@/lib/server/responsibilities/override-responsibility";
import { decideReviewItem } from "@/lib/server/statements/decide-review-item";
import { importStatement } from "@/lib/server/statements/import-statement";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";
import { setSystemArchived } from "@/lib/server/systems/archive-system";
import { importSystems } from "@/lib/server/systems/import-systems";
import { updateSystem } from "@/lib/server/systems/update-system";
import { createVendor } from "@/lib/server/vendors/create-vendor";
import { deleteVendor } from "@/lib/server/vendors/delete-vendor";
import { linkVendorSystems } from "@/lib/server/vendors/link-vendor-systems";
import { STATEMENT_FORMAT, type StatementBody } from "@/lib/statements/format";
import { systemFieldsSchema } from "@/lib/validation/systems";

import { type ApiSide, buildApiSide, callApi } from "./api-fixtures";
import { ensureFrameworks, registerTestSystem } from "./systems-fixtures";

const FRAMEWORK = { key: "ai-security-srm", version: "1.1.0" };
const SOC2 = "a".repeat(64);
const PEN = "b".repeat(64);

// On saas_ai the matrix says: model_security P, data_privacy S, user_access_control C,
// application_security P. So a saas_ai system has two provider duties the statement backs
// (model_security, data_privacy) and two cells where it disagrees.
const body: StatementBody = {
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
const EXPECTED_ITEMS = [
  ["application_security", "P", "C", "OPEN"],
  ["user_access_control", "C", "P", "OPEN"],
];

let a: ApiSide;
let b: ApiSide;
let vendorId: string;
let otherVendorId: string;
let bVendorId: string;
let bSystemId: string;

function statementText(version = 1) {
  return JSON.stringify({
    format: STATEMENT_FORMAT,
    statementId: "7d0c3f52-5d43-4a55-9d0e-3b1f7e0c2a11",
    version,
    publishedAt: new Date().toISOString(),
    provider: { name: "Acme AI" },
    product: { name: "Acme Chat" },
    ...body,
  });
}

async function newVendor(side: ApiSide, name: string) {
  const vendor = await createVendor({
    workspaceId: side.workspace.id,
    actor: side.actor,
    fields: { name, kind: null, website: null, contactName: null, contactEmail: null, notes: null },
  });
  return vendor.id;
}

/** What the statement gave one system: linked evidence per domain, review items, coverage. */
async function statementEffect(side: ApiSide, systemId: string) {
  const links = await db.evidenceLink.findMany({
    where: {
      workspaceId: side.workspace.id,
      duty: { systemId },
      // by digest, not by version: evidence whose statement was deleted with its vendor too
      evidence: { sha256: { in: [SOC2, PEN] } },
    },
    select: {
      duty: { select: { domainKey: true, side: true } },
      evidence: { select: { sha256: true } },
    },
  });
  const items = await db.statementReviewItem.findMany({
    where: { workspaceId: side.workspace.id, systemId },
    orderBy: { domainKey: "asc" },
    select: { domainKey: true, systemValue: true, statementValue: true, state: true },
  });
  const coverage = await getCoverage({
    workspaceId: side.workspace.id,
    scope: { systemIds: [systemId] },
  });
  return {
    links: links
      .map(
        (l) => `${l.duty.domainKey}/${l.duty.side}/${l.evidence.sha256 === SOC2 ? "soc2" : "pen"}`,
      )
      .sort(),
    items: items.map((i) => [i.domainKey, i.systemValue, i.statementValue, i.state]),
    covered: coverage.coveredDuties,
  };
}

const LINKED = [
  "data_privacy/PROVIDER/soc2",
  "model_security/PROVIDER/pen",
  "model_security/PROVIDER/soc2",
];

/** Every row of workspace B the statement code could touch, to show it is never touched. */
async function bSnapshot() {
  const workspaceId = b.workspace.id;
  return {
    links: await db.evidenceLink.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    items: await db.statementReviewItem.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
    }),
    evidence: await db.evidence.count({ where: { workspaceId } }),
    audit: await db.auditEvent.count({ where: { workspaceId } }),
    coverage: await getCoverage({ workspaceId, scope: { systemIds: [bSystemId] } }),
  };
}
let bBefore: Awaited<ReturnType<typeof bSnapshot>>;

function fieldsOf(system: Awaited<ReturnType<typeof loadSystem>>) {
  return systemFieldsSchema.parse({
    ...system,
    description: system.description ?? "",
    additionalModels: system.additionalModels,
  });
}
function loadSystem(id: string) {
  return db.aiSystem.findUniqueOrThrow({ where: { id } });
}
async function setVendor(side: ApiSide, systemId: string, vendor: string | null) {
  const system = await loadSystem(systemId);
  return updateSystem({
    workspaceId: side.workspace.id,
    actor: side.actor,
    input: {
      ...fieldsOf(system),
      vendorId: vendor,
      systemId,
      expectedVersion: system.version,
    },
  });
}

beforeAll(async () => {
  await ensureFrameworks();
  a = await buildApiSide("stmt-sys-a");
  b = await buildApiSide("stmt-sys-b");
  vendorId = await newVendor(a, "Acme AI");
  otherVendorId = await newVendor(a, "Other AI");
  // Workspace B has a vendor of the same name with a system the statement would fit.
  bVendorId = await newVendor(b, "Acme AI");
  bSystemId = (
    await registerTestSystem(b.workspace, b.actor, {
      primaryModel: "saas_ai",
      name: "B bot",
      vendorId: bVendorId,
    })
  ).id;
  bBefore = await bSnapshot();
  // Imported while the vendor has no system yet: nothing to link.
  const result = await importStatement({
    workspaceId: a.workspace.id,
    actor: a.actor,
    vendorId,
    text: statementText(),
  });
  expect(result).toMatchObject({ systems: 0, linkedDuties: 0, reviewItems: 0 });
});

describe("a system that joins the vendor after the import", () => {
  it("registered with the vendor: its claimed provider duties are covered, disagreements reviewed", async () => {
    const without = await registerTestSystem(a.workspace, a.actor, {
      primaryModel: "saas_ai",
      name: "No vendor bot",
    });
    const system = await registerTestSystem(a.workspace, a.actor, {
      primaryModel: "saas_ai",
      name: "Late bot",
      vendorId,
    });
    const effect = await statementEffect(a, system.id);
    expect(effect.links).toEqual(LINKED);
    expect(effect.items).toEqual(EXPECTED_ITEMS);
    // The same system without the vendor covers nothing: the two duties come from the statement.
    expect((await statementEffect(a, without.id)).covered).toBe(0);
    expect(effect.covered).toBe(2);

    const event = await db.auditEvent.findFirstOrThrow({
      where: {
        workspaceId: a.workspace.id,
        action: "statement.applyToSystems",
        entityId: system.id,
      },
    });
    expect(event.diff).toMatchObject({
      systems: [
        { systemId: system.id, vendorId, addedLinks: 3, linkedDuties: 2, addedReviewItems: 2 },
      ],
    });

    // Applying again changes nothing and records nothing.
    const audit = await db.auditEvent.count({ where: { workspaceId: a.workspace.id } });
    const again = await workspaceTransaction(a.workspace.id, "test", (tx) =>
      syncSystemStatements(tx, {
        workspaceId: a.workspace.id,
        actor: a.actor,
        systemIds: [system.id],
      }),
    );
    expect(again).toEqual({
      addedLinks: 0,
      removedLinks: 0,
      addedReviewItems: 0,
      removedReviewItems: 0,
    });
    expect(await db.auditEvent.count({ where: { workspaceId: a.workspace.id } })).toBe(audit);
  });

  it("a system on a model the statement does not speak for gets it when it moves onto one", async () => {
    const system = await registerTestSystem(a.workspace, a.actor, {
      primaryModel: "iaas_ai",
      name: "Self-run",
      vendorId,
    });
    expect(await statementEffect(a, system.id)).toEqual({ links: [], items: [], covered: 0 });
    const current = await loadSystem(system.id);
    const result = await updateSystem({
      workspaceId: a.workspace.id,
      actor: a.actor,
      input: {
        ...fieldsOf(current),
        primaryModel: "saas_ai",
        systemId: system.id,
        expectedVersion: current.version,
      },
    });
    expect(result.rederived).toBe(true);
    const effect = await statementEffect(a, system.id);
    expect(effect.links).toEqual(LINKED);
    expect(effect.items).toEqual(EXPECTED_ITEMS);
    expect(effect.covered).toBe(2);
  });

  it("imported from CSV with the vendor's name", async () => {
    const result = await importSystems({
      workspaceId: a.workspace.id,
      actor: a.actor,
      csv: "name,primary_model,framework,vendor\nCsv bot,saas_ai,ai-security-srm@1.1.0,Acme AI\nCsv free,saas_ai,ai-security-srm@1.1.0,\n",
    });
    expect(result).toMatchObject({ status: "imported", count: 2 });
    const [withVendor, free] = await Promise.all([
      db.aiSystem.findFirstOrThrow({ where: { workspaceId: a.workspace.id, name: "Csv bot" } }),
      db.aiSystem.findFirstOrThrow({ where: { workspaceId: a.workspace.id, name: "Csv free" } }),
    ]);
    const effect = await statementEffect(a, withVendor.id);
    expect(effect.links).toEqual(LINKED);
    expect(effect.items).toEqual(EXPECTED_ITEMS);
    expect(await statementEffect(a, free.id)).toEqual({ links: [], items: [], covered: 0 });
  });
});

describe("a system whose vendor changes", () => {
  let systemId: string;

  it("changed to the vendor: covered like the others", async () => {
    systemId = (
      await registerTestSystem(a.workspace, a.actor, {
        primaryModel: "saas_ai",
        name: "Moving bot",
        vendorId: otherVendorId,
      })
    ).id;
    const before = await statementEffect(a, systemId);
    expect(before).toEqual({ links: [], items: [], covered: 0 });
    await setVendor(a, systemId, vendorId);
    const after = await statementEffect(a, systemId);
    expect(after.links).toEqual(LINKED);
    expect(after.items).toEqual(EXPECTED_ITEMS);
    expect(after.covered - before.covered).toBe(2);
  });

  it("vendor unset: links and open review items go, coverage falls, decisions stay", async () => {
    const item = await db.statementReviewItem.findFirstOrThrow({
      where: { workspaceId: a.workspace.id, systemId, domainKey: "application_security" },
    });
    await decideReviewItem({
      workspaceId: a.workspace.id,
      actor: a.actor,
      itemId: item.id,
      state: "ACKNOWLEDGED",
    });
    await setVendor(a, systemId, null);
    expect(await statementEffect(a, systemId)).toEqual({
      links: [],
      items: [["application_security", "P", "C", "ACKNOWLEDGED"]],
      covered: 0,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: {
        workspaceId: a.workspace.id,
        action: "statement.applyToSystems",
        entityId: systemId,
      },
      orderBy: { seq: "desc" },
    });
    expect(event.diff).toMatchObject({
      systems: [
        {
          systemId,
          vendorId: null,
          removedLinks: 3,
          removedReviewItems: [
            { domainKey: "user_access_control", systemValue: "C", statementValue: "P" },
          ],
        },
      ],
    });
    // The statement's evidence stays in the library.
    expect(
      await db.evidence.count({
        where: { workspaceId: a.workspace.id, importedStatementVersionId: { not: null } },
      }),
    ).toBe(2);

    // Back to the vendor: the links return; the decided item keeps its decision.
    await setVendor(a, systemId, vendorId);
    const back = await statementEffect(a, systemId);
    expect(back.links).toEqual(LINKED);
    expect(back.items).toEqual([
      ["application_security", "P", "C", "ACKNOWLEDGED"],
      ["user_access_control", "C", "P", "OPEN"],
    ]);
  });

  it("unlinked through the REST API, and linked again from the vendor page's service", async () => {
    const response = await callApi(unlinkRoute, {
      token: a.tokens.EDITOR,
      method: "DELETE",
      params: { vendorId, systemId },
    });
    expect(response.status).toBe(200);
    let effect = await statementEffect(a, systemId);
    expect(effect.links).toEqual([]);
    expect(effect.covered).toBe(0);
    await linkVendorSystems({
      workspaceId: a.workspace.id,
      actor: a.actor,
      vendorId,
      systemIds: [systemId],
    });
    effect = await statementEffect(a, systemId);
    expect(effect.links).toEqual(LINKED);
    expect(effect.covered).toBe(2);
  });

  it("another workspace's token cannot unlink it, and changes nothing", async () => {
    const response = await callApi(unlinkRoute, {
      token: b.tokens.ADMIN,
      method: "DELETE",
      params: { vendorId, systemId },
    });
    expect(response.status).toBe(404);
    expect((await statementEffect(a, systemId)).links).toEqual(LINKED);
  });

  it("the vendor deleted: its systems lose the statement's links", async () => {
    const doomed = await newVendor(a, "Doomed AI");
    await importStatement({
      workspaceId: a.workspace.id,
      actor: a.actor,
      vendorId: doomed,
      text: statementText(),
    });
    const system = await registerTestSystem(a.workspace, a.actor, {
      primaryModel: "saas_ai",
      name: "Doomed bot",
      vendorId: doomed,
    });
    expect((await statementEffect(a, system.id)).covered).toBe(2);
    await deleteVendor({ workspaceId: a.workspace.id, actor: a.actor, vendorId: doomed });
    expect(await statementEffect(a, system.id)).toEqual({ links: [], items: [], covered: 0 });
  });
});

describe("a system whose duties change", () => {
  it("an override that gives the provider a claimed domain links its new provider duty", async () => {
    const system = await registerTestSystem(a.workspace, a.actor, {
      primaryModel: "saas_ai",
      name: "Override bot",
      vendorId,
    });
    const responsibility = await db.responsibility.findFirstOrThrow({
      where: { systemId: system.id, domainKey: "user_access_control" },
    });
    const before = await statementEffect(a, system.id);
    await workspaceTransaction(a.workspace.id, "test", (tx) =>
      applyResponsibilityOverride(tx, {
        workspaceId: a.workspace.id,
        actor: a.actor,
        input: {
          responsibilityId: responsibility.id,
          value: "P",
          justification: "The provider's statement says it runs access control.",
        },
      }),
    );
    const after = await statementEffect(a, system.id);
    expect(after.links).toEqual([...LINKED, "user_access_control/PROVIDER/soc2"].sort());
    expect(after.covered - before.covered).toBe(1);
    // The item stays for the customer to resolve; it is not rewritten or removed by the override.
    expect(after.items).toEqual(EXPECTED_ITEMS);
  });

  it("a system archived while its vendor's statement was imported gets it when restored", async () => {
    const lateVendor = await newVendor(a, "Late AI");
    const system = await registerTestSystem(a.workspace, a.actor, {
      primaryModel: "saas_ai",
      name: "Sleeping bot",
      vendorId: lateVendor,
    });
    await setSystemArchived({
      workspaceId: a.workspace.id,
      actor: a.actor,
      systemId: system.id,
      archived: true,
    });
    const result = await importStatement({
      workspaceId: a.workspace.id,
      actor: a.actor,
      vendorId: lateVendor,
      text: statementText(),
    });
    expect(result.systems).toBe(0);
    expect((await statementEffect(a, system.id)).links).toEqual([]);
    await setSystemArchived({
      workspaceId: a.workspace.id,
      actor: a.actor,
      systemId: system.id,
      archived: false,
    });
    const effect = await statementEffect(a, system.id);
    expect(effect.links).toEqual(LINKED);
    expect(effect.items).toEqual(EXPECTED_ITEMS);
    expect(effect.covered).toBe(2);
  });
});

describe("two workspaces", () => {
  it("workspace B's vendor of the same name and its system were never touched", async () => {
    expect(await bSnapshot()).toEqual(bBefore);
    expect(await statementEffect(b, bSystemId)).toEqual({ links: [], items: [], covered: 0 });
    // And syncing B's system by hand finds nothing of A's statement to apply.
    const result = await workspaceTransaction(b.workspace.id, "test", (tx) =>
      syncSystemStatements(tx, {
        workspaceId: b.workspace.id,
        actor: b.actor,
        systemIds: [bSystemId],
      }),
    );
    expect(result).toEqual({
      addedLinks: 0,
      removedLinks: 0,
      addedReviewItems: 0,
      removedReviewItems: 0,
    });
  });

  it("another workspace's system ids are ignored", async () => {
    const aSystem = await db.aiSystem.findFirstOrThrow({
      where: { workspaceId: a.workspace.id, name: "Late bot" },
    });
    const result = await workspaceTransaction(b.workspace.id, "test", (tx) =>
      syncSystemStatements(tx, {
        workspaceId: b.workspace.id,
        actor: b.actor,
        systemIds: [aSystem.id],
      }),
    );
    expect(result).toEqual({
      addedLinks: 0,
      removedLinks: 0,
      addedReviewItems: 0,
      removedReviewItems: 0,
    });
    expect((await statementEffect(a, aSystem.id)).links).toEqual(LINKED);
  });
});

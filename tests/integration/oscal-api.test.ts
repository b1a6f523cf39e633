// OSCAL exports: the demo workspace's SSP (seeded by the real seed), a catalog and a mapping
// collection validate against NIST's 1.2.1 schemas; GET /api/v1/oscal/{ssp,catalog,mapping}
// answer each token with its own workspace only; the roles of the permission map apply.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { GET as catalogRoute } from "@/app/api/v1/oscal/catalog/route";
import { GET as mappingRoute } from "@/app/api/v1/oscal/mapping/route";
import { GET as sspRoute } from "@/app/api/v1/oscal/ssp/route";
import { db } from "@/lib/db/client";
import { validateOscal } from "@/lib/oscal/validate";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { exportSsp } from "@/lib/server/oscal/export-oscal";
import { DEMO_WORKSPACE_SLUG } from "@/lib/server/seed/demo-workspace";
import { runSeed } from "@/lib/server/seed/run-seed";

import { adminTarget, smallDefinition } from "./frameworks-fixtures";
import { apiRequest, type StandardsSide, standardsSide } from "./standards-fixtures";
import { registerTestSystem } from "./systems-fixtures";

let demoId: string;
let a: StandardsSide;
let b: StandardsSide;
let aVendorSystemId: string;

beforeAll(async () => {
  // The demo workspace is only created on an empty database, so it is seeded first.
  await runSeed();
  demoId = (await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } })).id;
  a = await standardsSide("Alpha");
  b = await standardsSide("Bravo");
  const vendor = await db.vendor.create({
    data: { workspaceId: a.workspace.id, name: "Alpha Model Vendor" },
  });
  const system = await registerTestSystem(a.workspace, a.actor, {
    name: "Alpha Vendor Bot",
    primaryModel: "saas_ai",
    vendorId: vendor.id,
  });
  aVendorSystemId = system.id;
  await db.evidence.create({
    data: {
      workspaceId: a.workspace.id,
      kind: "ATTESTATION",
      title: "Alpha SOC 2",
      vendorId: vendor.id,
      sha256: "b".repeat(64),
      url: "https://vendor.example/soc2",
      reviewStatus: "ACCEPTED",
    },
  });
  await importFramework({
    target: adminTarget(a.workspace.id),
    source: { definition: smallDefinition({ key: "alpha-private-model" }) },
  });
}, 120_000);

type Json = Record<string, unknown>;
async function get(
  route: (request: Request) => Promise<Response>,
  pathname: string,
  secret: string | null,
) {
  const response = await route(apiRequest(pathname, secret));
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Json, response };
}

function byComponentKinds(document: Json) {
  const ssp = document["system-security-plan"] as Json;
  const requirements = (ssp["control-implementation"] as Json)["implemented-requirements"] as {
    "by-components": Json[];
  }[];
  const all = requirements.flatMap((r) => r["by-components"]);
  return {
    requirements: requirements.length,
    provided: all.filter((c) => (c.export as Json | undefined)?.provided).length,
    responsibilities: all.filter((c) => (c.export as Json | undefined)?.responsibilities).length,
    inherited: all.filter((c) => c.inherited).length,
    satisfied: all.filter((c) => c.satisfied).length,
  };
}

describe("the demo workspace's SSP", () => {
  it("validates against the OSCAL 1.2.1 SSP schema, with every duty and the evidence hashes", async () => {
    const exported = await exportSsp({ workspaceId: demoId });
    expect(validateOscal(exported.document)).toEqual({ ok: true, model: "system-security-plan" });
    const duties = await db.duty.count({ where: { workspaceId: demoId } });
    const kinds = byComponentKinds(exported.document as Json);
    expect(kinds.requirements).toBe(duties);
    // The demo has vendors with shared and provider-only domains, so all four appear.
    expect(kinds.provided).toBeGreaterThan(0);
    expect(kinds.responsibilities).toBeGreaterThan(0);
    expect(kinds.inherited).toBe(kinds.provided);
    expect(kinds.satisfied).toBe(kinds.responsibilities);
    const hashed = await db.evidence.findFirstOrThrow({
      where: { workspaceId: demoId, sha256: { not: null }, deletedAt: null },
    });
    expect(exported.content).toContain(hashed.sha256!);
    expect(exported.content).toContain('"algorithm": "SHA-256"');
  });

  it("is the same for the same data, apart from its timestamp", async () => {
    const first = await exportSsp({ workspaceId: demoId, now: new Date("2026-12-07T10:00:00Z") });
    const second = await exportSsp({ workspaceId: demoId, now: new Date("2026-12-07T10:00:01Z") });
    expect(second.content.replaceAll("2026-12-07T10:00:01.000Z", "2026-12-07T10:00:00.000Z")).toBe(
      first.content,
    );
  });
});

describe("GET /api/v1/oscal/ssp", () => {
  it("answers each token with its own workspace's systems only", async () => {
    const own = await get(sspRoute, "/api/v1/oscal/ssp", a.tokens.AUDITOR);
    expect(own.status).toBe(200);
    expect(own.response.headers.get("content-type")).toContain("application/json");
    expect(validateOscal(own.body).ok).toBe(true);
    expect(own.text).toContain("Alpha Vendor Bot");
    expect(own.text).toContain("Alpha Model Vendor");
    expect(own.text).toContain("b".repeat(64));
    const other = await get(sspRoute, "/api/v1/oscal/ssp", b.tokens.AUDITOR);
    expect(other.status).toBe(200);
    expect(other.text).toContain("Bravo Chat");
    expect(other.text).not.toContain("Alpha");
  });

  it("narrows to chosen systems and refuses another workspace's ids like unknown ones", async () => {
    const narrowed = await get(
      sspRoute,
      `/api/v1/oscal/ssp?systemIds=${aVendorSystemId}`,
      a.tokens.ADMIN,
    );
    expect(narrowed.status).toBe(200);
    expect(narrowed.text).toContain("Alpha Vendor Bot");
    expect(narrowed.text).not.toContain("Alpha Chat");
    const crossing = await get(
      sspRoute,
      `/api/v1/oscal/ssp?systemIds=${aVendorSystemId}`,
      b.tokens.ADMIN,
    );
    const unknown = await get(sspRoute, "/api/v1/oscal/ssp?systemIds=nope", b.tokens.ADMIN);
    expect(crossing.status).toBe(400);
    expect(crossing.body).toEqual(unknown.body);
    expect(crossing.text).not.toContain("Alpha");
    // The successful export is audited with the token as actor; the refused ones are not.
    const events = await db.auditEvent.findMany({
      where: { action: "export.oscal", workspaceId: { in: [a.workspace.id, b.workspace.id] } },
      select: { workspaceId: true, actorType: true, diff: true },
    });
    expect(events).toContainEqual({
      workspaceId: a.workspace.id,
      actorType: "TOKEN",
      diff: { document: "system-security-plan", systemIds: [aVendorSystemId], via: "api" },
    });
    // B: its one whole-workspace export of the test above, not the refused requests.
    const bravo = events.filter((e) => e.workspaceId === b.workspace.id);
    expect(bravo).toHaveLength(1);
    expect(bravo.map((e) => (e.diff as { systemIds: unknown }).systemIds)).not.toContainEqual([
      aVendorSystemId,
    ]);
  });

  it("follows the export permission: owners, admins and auditors; not editors or viewers", async () => {
    expect((await get(sspRoute, "/api/v1/oscal/ssp", a.tokens.ADMIN)).status).toBe(200);
    expect((await get(sspRoute, "/api/v1/oscal/ssp", a.tokens.AUDITOR)).status).toBe(200);
    expect((await get(sspRoute, "/api/v1/oscal/ssp", a.tokens.EDITOR)).status).toBe(403);
    expect((await get(sspRoute, "/api/v1/oscal/ssp", a.tokens.VIEWER)).status).toBe(403);
    expect((await get(sspRoute, "/api/v1/oscal/ssp", null)).status).toBe(401);
  });
});

describe("GET /api/v1/oscal/catalog", () => {
  it("serves a built-in framework version as a valid catalog to every role", async () => {
    const { status, body } = await get(
      catalogRoute,
      "/api/v1/oscal/catalog?framework=ai-security-srm",
      a.tokens.VIEWER,
    );
    expect(status).toBe(200);
    expect(validateOscal(body)).toEqual({ ok: true, model: "catalog" });
  });

  it("serves a workspace's own framework to it and to no other workspace", async () => {
    const path = "/api/v1/oscal/catalog?framework=alpha-private-model&version=1.0.0";
    const own = await get(catalogRoute, path, a.tokens.VIEWER);
    expect(own.status).toBe(200);
    expect(own.text).toContain("Prompt safety");
    const other = await get(catalogRoute, path, b.tokens.ADMIN);
    const missing = await get(
      catalogRoute,
      "/api/v1/oscal/catalog?framework=never-imported",
      b.tokens.ADMIN,
    );
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("Prompt safety");
    expect(missing.status).toBe(404);
    expect((await get(catalogRoute, "/api/v1/oscal/catalog", a.tokens.ADMIN)).status).toBe(400);
  });
});

describe("GET /api/v1/oscal/mapping", () => {
  it("serves the crosswalks as a valid mapping collection, the same to both workspaces", async () => {
    const own = await get(mappingRoute, "/api/v1/oscal/mapping", a.tokens.VIEWER);
    expect(own.status).toBe(200);
    expect(validateOscal(own.body)).toEqual({ ok: true, model: "mapping-collection" });
    const one = await get(
      mappingRoute,
      "/api/v1/oscal/mapping?crosswalk=ai-srm-standards&version=1.0.0",
      b.tokens.VIEWER,
    );
    expect(one.status).toBe(200);
    expect(validateOscal(one.body).ok).toBe(true);
    // Built-in reference data only: neither workspace's names appear.
    expect(own.text).not.toMatch(/Alpha|Bravo/);
    expect(
      (await get(mappingRoute, "/api/v1/oscal/mapping?version=1.0.0", a.tokens.VIEWER)).status,
    ).toBe(400);
    expect(
      (await get(mappingRoute, "/api/v1/oscal/mapping?crosswalk=nope", a.tokens.VIEWER)).status,
    ).toBe(404);
    expect((await get(mappingRoute, "/api/v1/oscal/mapping", null)).status).toBe(401);
  });
});

describe("npm run export -- oscal", () => {
  const cli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        "node_modules/.bin/tsx",
        [
          "scripts/launch.ts",
          "exec",
          "--",
          "node_modules/.bin/tsx",
          "--conditions=react-server",
          "scripts/export.ts",
          ...args,
        ],
        // Inherits DATABASE_URL (the test database), so the launcher uses it.
        { env: process.env, maxBuffer: 20 * 1024 * 1024 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const withoutTimestamps = (text: string) =>
    text.replace(/"last-modified": "[^"]+"/g, '"last-modified": "-"');

  it("writes the same SSP as the API into a file, and the catalog to stdout", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "oscal-cli-"));
    try {
      const out = path.join(dir, "ssp.json");
      const written = await cli(["oscal", "ssp", "--workspace", a.workspace.slug, "--out", out]);
      expect(written.code).toBe(0);
      const fromCli = await readFile(out, "utf8");
      const fromApi = await exportSsp({ workspaceId: a.workspace.id });
      expect(withoutTimestamps(fromCli)).toBe(withoutTimestamps(fromApi.content));
      const catalog = await cli(["oscal", "catalog", "--framework", "ai-security-srm"]);
      expect(catalog.code).toBe(0);
      expect(validateOscal(JSON.parse(catalog.stdout))).toEqual({ ok: true, model: "catalog" });
      const bad = await cli(["oscal", "ssp"]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("oscal ssp needs --workspace");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadFrameworkPage } from "@/app/(app)/w/[workspaceSlug]/frameworks/_lib/load-framework-page";
import { GET as getVersionRoute } from "@/app/api/v1/frameworks/[key]/versions/[version]/route";
import { GET as listRoute, POST as importRoute } from "@/app/api/v1/frameworks/route";
import { importFrameworkAction, previewFrameworkImportAction } from "@/lib/actions/frameworks";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { compareFrameworkVersions } from "@/lib/server/frameworks/compare-framework-versions";
import { exportFrameworkVersion } from "@/lib/server/frameworks/export-framework-version";
import { getFrameworkVersion } from "@/lib/server/frameworks/get-framework-version";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";
import { createApiToken } from "@/lib/server/tokens/create-api-token";

import {
  adminTarget,
  asYaml,
  catalogCounts,
  createWorkspace,
  smallDefinition,
  uniqueSlug,
} from "./frameworks-fixtures";

type Member = { userId: string; workspace: { id: string; slug: string } };

const SECRET_KEY = "a-secret-model";
const SECRET_NAME = "Alpha's confidential model";
let a: Member;
let b: Member;

async function member(prefix: string): Promise<Member> {
  const workspace = await createWorkspace(prefix);
  const user = await db.user.create({
    data: { email: `${uniqueSlug(prefix)}@example.com`, name: prefix },
  });
  await db.membership.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "OWNER" },
  });
  return { userId: user.id, workspace };
}

async function tokenFor(m: Member, role: Role): Promise<string> {
  const token = await createApiToken({
    workspaceId: m.workspace.id,
    actor: SYSTEM_ACTOR,
    actorRole: "OWNER",
    createdById: m.userId,
    name: `test ${role}`,
    role,
    expiresAt: null,
  });
  return token.secret;
}

function request(path: string, secret: string, init: RequestInit = {}) {
  return new Request(`http://localhost${path}`, {
    ...init,
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
  });
}

/** Next's notFound() throws an error whose digest names the 404 fallback. */
async function expectNotFoundPage(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(String((error as { digest?: string } | null)?.digest)).toMatch(/404/);
}

beforeAll(async () => {
  await seedBuiltInFrameworks();
  a = await member("alpha");
  b = await member("beta");
  const secret = smallDefinition({ key: SECRET_KEY, name: SECRET_NAME });
  await importFramework({ target: adminTarget(a.workspace.id), source: { definition: secret } });
  await importFramework({
    target: adminTarget(a.workspace.id),
    source: {
      definition: {
        ...secret,
        version: "2.0.0",
        cells: secret.cells.map((c) => ({ ...c, value: "C" })),
      },
    },
  });
});

afterAll(() => setSessionForTests(undefined));

describe("services: workspace B cannot see workspace A's framework", () => {
  const ref = { key: SECRET_KEY, version: "1.0.0" };

  it("B's list has the built-ins only; A's list also has its own", async () => {
    const forB = await listFrameworks({ workspaceId: b.workspace.id });
    expect(forB.map((f) => f.key).sort()).toEqual(["ai-security-srm", "genai-four-layer"]);
    const forA = await listFrameworks({ workspaceId: a.workspace.id });
    expect(forA.find((f) => f.key === SECRET_KEY)).toMatchObject({
      builtIn: false,
      name: SECRET_NAME,
    });
    expect(forA.find((f) => f.key === SECRET_KEY)?.versions.map((v) => v.version)).toEqual([
      "2.0.0",
      "1.0.0",
    ]);
  });

  it("get, export and compare answer NotFoundError for B, and work for A", async () => {
    await expect(getFrameworkVersion({ workspaceId: b.workspace.id, ...ref })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      exportFrameworkVersion({ workspaceId: b.workspace.id, ...ref, format: "json" }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      compareFrameworkVersions({
        workspaceId: b.workspace.id,
        key: SECRET_KEY,
        from: "1.0.0",
        to: "2.0.0",
      }),
    ).rejects.toThrow(NotFoundError);
    // The operator's built-in scope does not see workspace frameworks either.
    await expect(getFrameworkVersion({ workspaceId: null, ...ref })).rejects.toThrow(NotFoundError);

    expect(
      (await getFrameworkVersion({ workspaceId: a.workspace.id, ...ref })).definition.name,
    ).toBe(SECRET_NAME);
    const comparison = await compareFrameworkVersions({
      workspaceId: a.workspace.id,
      key: SECRET_KEY,
      from: "1.0.0",
      to: "2.0.0",
    });
    expect(comparison.diff.cells).toHaveLength(2);
  });

  it("B may use the same key for its own framework without touching A's", async () => {
    await importFramework({
      target: adminTarget(b.workspace.id),
      source: { definition: smallDefinition({ key: SECRET_KEY, name: "Beta's own" }) },
    });
    expect(
      (await getFrameworkVersion({ workspaceId: b.workspace.id, ...ref })).definition.name,
    ).toBe("Beta's own");
    expect(
      (await getFrameworkVersion({ workspaceId: a.workspace.id, ...ref })).definition.name,
    ).toBe(SECRET_NAME);
    await db.framework.deleteMany({ where: { workspaceId: b.workspace.id } });
  });
});

describe("REST API", () => {
  const versionPath = `/api/v1/frameworks/${SECRET_KEY}/versions/1.0.0`;
  const params = (key: string, version: string) => ({ params: Promise.resolve({ key, version }) });

  it("lists and gets for A; B gets 404 and nothing of A's leaks", async () => {
    const aToken = await tokenFor(a, "VIEWER");
    const bToken = await tokenFor(b, "ADMIN");

    const listA = await (await listRoute(request("/api/v1/frameworks", aToken))).json();
    expect(listA.frameworks.map((f: { key: string }) => f.key)).toContain(SECRET_KEY);
    const listB = await listRoute(request("/api/v1/frameworks", bToken));
    const listBText = await listB.text();
    expect(listB.status).toBe(200);
    expect(listBText).not.toContain(SECRET_KEY);
    expect(listBText).not.toContain(SECRET_NAME);

    const got = await getVersionRoute(request(versionPath, aToken), params(SECRET_KEY, "1.0.0"));
    expect(got.status).toBe(200);
    const exported = await exportFrameworkVersion({
      workspaceId: a.workspace.id,
      key: SECRET_KEY,
      version: "1.0.0",
      format: "json",
    });
    expect(await got.text()).toBe(exported.content);

    const denied = await getVersionRoute(request(versionPath, bToken), params(SECRET_KEY, "1.0.0"));
    expect(denied.status).toBe(404);
    const body = await denied.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(body).not.toContain(SECRET_NAME);
  });

  it("returns the built-in export as YAML with ?format=yaml", async () => {
    const response = await getVersionRoute(
      request(
        "/api/v1/frameworks/ai-security-srm/versions/1.1.0?format=yaml",
        await tokenFor(b, "VIEWER"),
      ),
      params("ai-security-srm", "1.1.0"),
    );
    expect(response.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(await response.text()).toMatch(/^format: ai-srm-framework\/1\nkey: ai-security-srm\n/);
  });

  it.each(["EDITOR", "VIEWER", "AUDITOR"] as const)(
    "refuses an import by a %s token (403) and stores nothing",
    async (role) => {
      const token = await tokenFor(b, role);
      const before = await catalogCounts();
      const response = await importRoute(
        request("/api/v1/frameworks", token, {
          method: "POST",
          body: JSON.stringify({ definition: smallDefinition({ key: "from-api" }) }),
        }),
      );
      expect(response.status).toBe(403);
      expect(await catalogCounts()).toEqual(before);
    },
  );

  it("imports with an ADMIN token (201, then 200 unchanged) and names invalid paths (400)", async () => {
    const token = await tokenFor(b, "ADMIN");
    const post = (body: unknown) =>
      importRoute(
        request("/api/v1/frameworks", token, { method: "POST", body: JSON.stringify(body) }),
      );
    const created = await post({ definition: smallDefinition({ key: "from-api" }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ status: "created", key: "from-api", cells: 4 });
    expect((await post({ definition: smallDefinition({ key: "from-api" }) })).status).toBe(200);

    const before = await catalogCounts();
    const bad = smallDefinition({ key: "from-api-bad" });
    const invalid = await post({
      definition: { ...bad, cells: bad.cells.map((c, i) => (i === 2 ? { ...c, value: "X" } : c)) },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: {
        code: "VALIDATION_FAILED",
        fields: { "cells[2].value": ['"X" is not in the scale (P, C, S, NA)'] },
      },
    });
    expect(await catalogCounts()).toEqual(before);
  });
});

describe("page loader", () => {
  it("404s for a non-member and for another workspace's framework; loads for the owner", async () => {
    setSessionForTests(b.userId);
    await expectNotFoundPage(loadFrameworkPage(a.workspace.slug, SECRET_KEY, undefined));
    await expectNotFoundPage(loadFrameworkPage(b.workspace.slug, SECRET_KEY, undefined));
    await expectNotFoundPage(loadFrameworkPage(b.workspace.slug, "ai-security-srm", "0.0.1"));
    expect(
      (await loadFrameworkPage(b.workspace.slug, "ai-security-srm", undefined)).version.version,
    ).toBe("1.1.0");

    setSessionForTests(a.userId);
    const loaded = await loadFrameworkPage(a.workspace.slug, SECRET_KEY, "1.0.0");
    expect(loaded.definition.name).toBe(SECRET_NAME);
    expect((await loadFrameworkPage(a.workspace.slug, SECRET_KEY, undefined)).version.version).toBe(
      "2.0.0",
    );
  });
});

describe("server actions", () => {
  const input = {
    content: asYaml(smallDefinition({ key: "from-action" })),
    format: "yaml" as const,
  };

  it.each(["EDITOR", "VIEWER", "AUDITOR"] as const)(
    "refuse a %s member (403) and store nothing",
    async (role) => {
      const user = await db.user.create({
        data: { email: `${uniqueSlug(role)}@example.com`, name: role },
      });
      await db.membership.create({ data: { workspaceId: b.workspace.id, userId: user.id, role } });
      setSessionForTests(user.id);
      const before = await catalogCounts();
      const preview = await previewFrameworkImportAction(b.workspace.slug, input);
      expect(preview?.serverError).toMatchObject({ code: "FORBIDDEN", status: 403 });
      const result = await importFrameworkAction(b.workspace.slug, input);
      expect(result?.serverError).toMatchObject({ code: "FORBIDDEN", status: 403 });
      expect(await catalogCounts()).toEqual(before);
    },
  );

  it("answer 404 for another workspace's slug, and import for the owner", async () => {
    setSessionForTests(b.userId);
    expect((await importFrameworkAction(a.workspace.slug, input))?.serverError).toMatchObject({
      code: "NOT_FOUND",
    });
    const preview = await previewFrameworkImportAction(b.workspace.slug, input);
    expect(preview?.data).toMatchObject({ ok: true, outcome: "new-framework" });
    const result = await importFrameworkAction(b.workspace.slug, input);
    expect(result?.data).toMatchObject({ status: "created", key: "from-action" });
    expect(await listFrameworks({ workspaceId: a.workspace.id })).not.toContainEqual(
      expect.objectContaining({ key: "from-action" }),
    );
  });
});

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getWorkspaceRoute } from "@/app/api/v1/workspace/route";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/server/api/route";
import { API_ROUTE_SPECS } from "@/lib/server/api/route-specs";
import { defineApiRoute } from "@/lib/server/api/spec";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { renameWorkspace } from "@/lib/server/workspaces/rename-workspace";

import { signedUpOwner } from "../support/identity-fixtures";

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;
let owner: Owner;

async function token(
  role: "ADMIN" | "EDITOR" | "AUDITOR" | "VIEWER",
  expiresAt: Date | null = null,
) {
  return createApiToken({
    workspaceId: owner.workspace.id,
    actor: { type: "USER", id: owner.user.id, label: owner.user.email },
    actorRole: "OWNER",
    createdById: owner.user.id,
    name: `${role} token`,
    role,
    expiresAt,
  });
}

function call(secret: string | null, url = "http://localhost/api/v1/workspace") {
  return getWorkspaceRoute(
    new Request(url, { headers: secret === null ? {} : { authorization: `Bearer ${secret}` } }),
  );
}

beforeAll(async () => {
  owner = await signedUpOwner("api");
});

describe("API tokens on /api/v1/workspace", () => {
  it("a created token works: who am I, workspace and role; stored hashed; lastUsedAt set", async () => {
    const created = await token("EDITOR");
    const response = await call(created.secret);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      token: { id: created.id, name: "EDITOR token", prefix: created.prefix },
      workspace: { id: owner.workspace.id, slug: owner.workspace.slug, name: owner.workspace.name },
      role: "EDITOR",
    });
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).not.toContain(created.secret);
    expect(created.secret.startsWith(stored.prefix)).toBe(true);
    expect(stored.lastUsedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: created.id, action: "token.create" },
    });
    expect(JSON.stringify(audit.diff)).not.toContain(created.secret);
    expect(JSON.stringify(audit.diff)).not.toContain(stored.tokenHash);
  });

  it.each([
    ["no header", null],
    ["a malformed token", "not-a-token"],
    ["an unknown token", "srm_" + "x".repeat(43)],
  ])("answers 401 with the error shape for %s", async (_name, secret) => {
    const response = await call(secret);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "UNAUTHORIZED", message: expect.any(String) },
    });
  });

  it("a revoked token gets 401 from the next request on", async () => {
    const created = await token("ADMIN");
    expect((await call(created.secret)).status).toBe(200);
    await revokeApiToken({
      workspaceId: owner.workspace.id,
      actor: { type: "SYSTEM", label: "test" },
      tokenId: created.id,
    });
    expect((await call(created.secret)).status).toBe(401);
  });

  it("an expired token gets 401", async () => {
    const created = await token("VIEWER", new Date(Date.now() - 1000));
    expect((await call(created.secret)).status).toBe(401);
  });

  it("the workspace comes from the token, never from the URL", async () => {
    const other = await signedUpOwner("api-other");
    const created = await token("VIEWER");
    const response = await call(
      created.secret,
      `http://localhost/api/v1/workspace?workspaceId=${other.workspace.id}&slug=${other.workspace.slug}`,
    );
    expect((await response.json()).workspace.id).toBe(owner.workspace.id);
  });
});

describe("the route wrapper", () => {
  // A write route built like any other team's: VIEWER and AUDITOR tokens cannot change anything.
  const renameSpec = defineApiRoute({
    method: "PATCH",
    path: "/api/v1/workspace",
    tag: "Workspace",
    summary: "Rename (test route)",
    permission: "workspace.update",
    body: z.object({ name: z.string().min(2) }),
    response: z.object({ changed: z.boolean() }),
  });
  const PATCH = apiRoute(renameSpec, async ({ workspace, actor, body }) =>
    renameWorkspace({ workspaceId: workspace.id, actor, name: body.name }),
  );
  const patch = (secret: string, body: string) =>
    PATCH(
      new Request("http://localhost/api/v1/workspace", {
        method: "PATCH",
        headers: { authorization: `Bearer ${secret}` },
        body,
      }),
    );

  it.each(["VIEWER", "AUDITOR", "EDITOR"] as const)(
    "refuses a %s token with 403 and changes nothing",
    async (role) => {
      const created = await token(role);
      const response = await patch(created.secret, JSON.stringify({ name: "Changed by API" }));
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("FORBIDDEN");
      expect(
        (await db.workspace.findUniqueOrThrow({ where: { id: owner.workspace.id } })).name,
      ).toBe(owner.workspace.name);
    },
  );

  it("validates the body (400 naming the field) and accepts an ADMIN token, audited as the token", async () => {
    const created = await token("ADMIN");
    const bad = await patch(created.secret, JSON.stringify({ name: "x" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: [expect.any(String)] },
    });
    const notJson = await patch(created.secret, "{");
    expect(notJson.status).toBe(400);
    const ok = await patch(created.secret, JSON.stringify({ name: "Renamed via API" }));
    expect(ok.status).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, action: "workspace.rename" },
    });
    expect(event).toMatchObject({ actorType: "TOKEN", actorId: created.id });
  });
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every registered route, bearer security and the error schema", async () => {
    const document = await (await getOpenApi()).json();
    expect(document.openapi).toBe("3.1.0");
    for (const spec of API_ROUTE_SPECS) {
      expect(document.paths[spec.path]?.[spec.method.toLowerCase()], spec.path).toBeDefined();
    }
    expect(
      document.paths["/api/v1/workspace"].get.responses["200"].content["application/json"].schema,
    ).toEqual({ $ref: "#/components/schemas/WhoAmI" });
    expect(document.components.schemas.Error.properties.error).toBeDefined();
    expect(document.components.securitySchemes.bearerToken).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
  });

  it("lists every route handler under app/api/v1, each method of each route file", async () => {
    const document = await (await getOpenApi()).json();
    const root = path.join(process.cwd(), "app", "api", "v1");
    const files = (await readdir(root, { recursive: true })).filter((file) =>
      file.endsWith("route.ts"),
    );
    const handlers: string[] = [];
    for (const file of files) {
      const dir = path.dirname(file);
      if (dir === "openapi.json") continue; // the document itself
      const openApiPath = `/api/v1/${dir}`.replace(/\[([^\]]+)\]/g, "{$1}");
      const source = await readFile(path.join(root, file), "utf8");
      for (const [, method] of source.matchAll(
        /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
      )) {
        handlers.push(`${method} ${openApiPath}`);
      }
    }
    expect(handlers.length).toBeGreaterThan(40);
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(
      ([documentedPath, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${documentedPath}`),
    );
    expect(documented.sort()).toEqual(handlers.sort());
  });
});

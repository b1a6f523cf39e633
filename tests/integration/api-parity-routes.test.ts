// The REST routes added for parity with the app (lib/server/api/action-routes.ts): for each, a
// token of another workspace gets 404 for this workspace's ids and changes nothing, roles without
// the permission get 403, and the permitted role works, audited as the token.
import { beforeAll, describe, expect, it } from "vitest";

import * as auditLog from "@/app/api/v1/audit-log/route";
import * as referencesExport from "@/app/api/v1/coverage/references/export/route";
import * as exportCancel from "@/app/api/v1/exports/[exportId]/cancel/route";
import * as exportsRoute from "@/app/api/v1/exports/route";
import * as frameworkPreview from "@/app/api/v1/frameworks/preview/route";
import * as gapsExport from "@/app/api/v1/gaps/export/route";
import * as systemsExport from "@/app/api/v1/systems/export/route";
import * as systemsTemplate from "@/app/api/v1/systems/import/template/route";
import * as vendorSystem from "@/app/api/v1/vendors/[vendorId]/systems/[systemId]/route";
import { db } from "@/lib/db/client";
import { importFramework } from "@/lib/server/frameworks/import-framework";

import { type ApiSide, buildApiSide, callApi } from "./api-fixtures";
import { adminTarget, smallDefinition } from "./frameworks-fixtures";
import { ensureFrameworks, registrySnapshot } from "./systems-fixtures";

let a: ApiSide;
let b: ApiSide;
beforeAll(async () => {
  await ensureFrameworks();
  a = await buildApiSide("Alpha");
  b = await buildApiSide("Bravo");
});

async function lastEvent(workspaceId: string, action: string) {
  return db.auditEvent.findFirst({ where: { workspaceId, action }, orderBy: { seq: "desc" } });
}

describe("DELETE /api/v1/vendors/{vendorId}/systems/{systemId}", () => {
  const unlink = (t: string, side: ApiSide) =>
    callApi(vendorSystem.DELETE, {
      token: t,
      method: "DELETE",
      params: { vendorId: side.vendor.id, systemId: side.system.id },
    });

  it("another workspace's vendor and system: 404, still linked", async () => {
    const before = await registrySnapshot(b.workspace.id);
    const response = await unlink(a.tokens.ADMIN, b);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Bravo");
    expect(await registrySnapshot(b.workspace.id)).toEqual(before);
  });

  it.each(["VIEWER", "AUDITOR"] as const)("a %s token: 403, still linked", async (role) => {
    expect((await unlink(a.tokens[role], a)).status).toBe(403);
    expect((await db.aiSystem.findUniqueOrThrow({ where: { id: a.system.id } })).vendorId).toBe(
      a.vendor.id,
    );
  });

  it("an EDITOR token unlinks, audited as the token; a second time is 404", async () => {
    const response = await unlink(a.tokens.EDITOR, a);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ count: 1 });
    expect(
      (await db.aiSystem.findUniqueOrThrow({ where: { id: a.system.id } })).vendorId,
    ).toBeNull();
    expect(await lastEvent(a.workspace.id, "vendor.unlinkSystem")).toMatchObject({
      actorType: "TOKEN",
      actorId: a.tokenIds.EDITOR,
      entityId: a.vendor.id,
    });
    expect((await unlink(a.tokens.EDITOR, a)).status).toBe(404);
  });
});

describe("GET /api/v1/exports and POST /api/v1/exports/{exportId}/cancel", () => {
  const start = async (side: ApiSide) => {
    const response = await callApi(exportsRoute.POST, {
      token: side.tokens.ADMIN,
      method: "POST",
      body: { includeFiles: false },
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };
  const cancel = (t: string, exportId: string) =>
    callApi(exportCancel.POST, { token: t, method: "POST", params: { exportId } });

  it("lists only the token's workspace's exports; a VIEWER may not", async () => {
    const own = await start(a);
    const foreign = await start(b);
    const response = await callApi(exportsRoute.GET, { token: a.tokens.AUDITOR });
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(foreign);
    expect((await callApi(exportsRoute.GET, { token: a.tokens.VIEWER })).status).toBe(403);
  });

  it("cancels: 404 for another workspace's export, 403 for a VIEWER or for an AUDITOR on someone else's", async () => {
    const foreign = await start(b);
    expect((await cancel(a.tokens.ADMIN, foreign)).status).toBe(404);
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: foreign } })).status).toBe(
      "QUEUED",
    );
    const own = await start(a);
    expect((await cancel(a.tokens.VIEWER, own)).status).toBe(403);
    // Started through the API, so no member's: only export.cancelAny (ADMIN, OWNER) may stop it.
    expect((await cancel(a.tokens.AUDITOR, own)).status).toBe(403);
    const response = await cancel(a.tokens.ADMIN, own);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: own, status: "CANCELLED" });
    expect(await lastEvent(a.workspace.id, "export.cancel")).toMatchObject({
      actorType: "TOKEN",
      actorId: a.tokenIds.ADMIN,
      entityId: own,
    });
    expect((await cancel(a.tokens.ADMIN, own)).status).toBe(409);
  });
});

describe("POST /api/v1/frameworks/preview", () => {
  const preview = (t: string, body: unknown) =>
    callApi(frameworkPreview.POST, { token: t, method: "POST", body });

  it("says what importing would do in the token's workspace, and stores nothing", async () => {
    const definition = smallDefinition({ key: `preview-${Date.now()}` });
    await importFramework({ target: adminTarget(b.workspace.id), source: { definition } });
    const frameworks = await db.framework.count();
    // B holds this key; A does not: the preview answers for the token's workspace only.
    const forA = await preview(a.tokens.ADMIN, { definition });
    expect(forA.status).toBe(200);
    expect(await forA.json()).toMatchObject({ ok: true, outcome: "new-framework" });
    const forB = await preview(b.tokens.ADMIN, { definition });
    expect(await forB.json()).toMatchObject({ ok: true, outcome: "unchanged" });
    const broken = await preview(a.tokens.ADMIN, { definition: { ...definition, cells: "x" } });
    expect(await broken.json()).toMatchObject({ ok: false });
    expect(await db.framework.count()).toBe(frameworks);
  });

  it.each(["EDITOR", "AUDITOR", "VIEWER"] as const)("a %s token: 403", async (role) => {
    const response = await preview(a.tokens[role], { definition: smallDefinition() });
    expect(response.status).toBe(403);
  });
});

describe("downloads: CSV files and the audit log", () => {
  const csvRoutes: [string, (t: string) => Promise<Response>][] = [
    ["systems", (t) => callApi(systemsExport.GET, { token: t, path: "/api/v1/systems/export" })],
    ["gaps", (t) => callApi(gapsExport.GET, { token: t, path: "/api/v1/gaps/export" })],
    [
      "coverage by reference",
      (t) =>
        callApi(referencesExport.GET, { token: t, path: "/api/v1/coverage/references/export" }),
    ],
  ];

  it.each(csvRoutes)("%s: text/csv of the token's workspace only", async (_name, run) => {
    const response = await run(b.tokens.VIEWER);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toContain(b.workspace.slug);
    const csv = await response.text();
    expect(csv.split("\n").length).toBeGreaterThan(1);
    expect(csv).not.toContain("Alpha");
  });

  it("the systems export holds the workspace's systems; a bad filter is 400", async () => {
    const csv = await (await csvRoutes[0]![1](b.tokens.VIEWER)).text();
    expect(csv).toContain("Bravo System Secret");
    const bad = await callApi(gapsExport.GET, {
      token: b.tokens.VIEWER,
      path: "/api/v1/gaps/export?reason=BROKEN",
    });
    expect(bad.status).toBe(400);
  });

  it("the import template is CSV", async () => {
    const response = await callApi(systemsTemplate.GET, { token: a.tokens.VIEWER });
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await response.text()).toMatch(/^name,/);
  });

  it("the audit log: AUDITOR downloads JSONL or CSV, recorded first; VIEWER and EDITOR may not", async () => {
    for (const role of ["VIEWER", "EDITOR"] as const) {
      expect(
        (await callApi(auditLog.GET, { token: b.tokens[role], path: "/api/v1/audit-log" })).status,
      ).toBe(403);
    }
    const jsonl = await callApi(auditLog.GET, {
      token: b.tokens.AUDITOR,
      path: "/api/v1/audit-log",
    });
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = (await jsonl.text()).trim().split("\n");
    const lastLine = JSON.parse(lines.at(-1)!) as { action: string };
    expect(lastLine.action).toBe("audit.download");
    expect(lines.join("\n")).not.toContain(a.workspace.id);
    const csv = await callApi(auditLog.GET, {
      token: b.tokens.AUDITOR,
      path: "/api/v1/audit-log?format=csv",
    });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await lastEvent(b.workspace.id, "audit.download")).toMatchObject({
      actorType: "TOKEN",
      actorId: b.tokenIds.AUDITOR,
    });
  });
});

// The REST routes added for parity with the app (lib/server/api/action-routes.ts): for each, a
// token of another workspace gets 404 for this workspace's ids and changes nothing, roles without
// the permission get 403, and the permitted role works, audited as the token.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import * as auditLog from "@/app/api/v1/audit-log/route";
import * as referencesExport from "@/app/api/v1/coverage/references/export/route";
import * as exportsRoute from "@/app/api/v1/exports/route";
import * as exportCancel from "@/app/api/v1/exports/[exportId]/cancel/route";
import * as frameworkPreview from "@/app/api/v1/frameworks/preview/route";
import * as gapsExport from "@/app/api/v1/gaps/export/route";
import * as invitations from "@/app/api/v1/invitations/route";
import * as invitation from "@/app/api/v1/invitations/[invitationId]/route";
import * as members from "@/app/api/v1/members/route";
import * as member from "@/app/api/v1/members/[membershipId]/route";
import * as memberActive from "@/app/api/v1/members/[membershipId]/active/route";
import * as systemsExport from "@/app/api/v1/systems/export/route";
import * as systemsTemplate from "@/app/api/v1/systems/import/template/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[tokenId]/route";
import * as vendorSystem from "@/app/api/v1/vendors/[vendorId]/systems/[systemId]/route";
import * as workspaceRoute from "@/app/api/v1/workspace/route";

import { memberWithRole } from "../support/identity-fixtures";
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

async function membershipOf(side: ApiSide, userId: string) {
  return db.membership.findFirstOrThrow({ where: { workspaceId: side.workspace.id, userId } });
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

describe("PATCH /api/v1/workspace", () => {
  const rename = (t: string, name: string) =>
    callApi(workspaceRoute.PATCH, { token: t, method: "PATCH", body: { name } });

  it.each(["VIEWER", "AUDITOR", "EDITOR"] as const)("a %s token: 403", async (role) => {
    expect((await rename(a.tokens[role], "Nope")).status).toBe(403);
  });

  it("an ADMIN token renames its own workspace only, audited", async () => {
    const response = await rename(a.tokens.ADMIN, "Alpha renamed by API");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ changed: true });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: a.workspace.id } })).name).toBe(
      "Alpha renamed by API",
    );
    expect((await db.workspace.findUniqueOrThrow({ where: { id: b.workspace.id } })).name).toBe(
      b.workspace.name,
    );
    expect(await lastEvent(a.workspace.id, "workspace.rename")).toMatchObject({
      actorType: "TOKEN",
    });
    expect((await rename(a.tokens.ADMIN, "x")).status).toBe(400);
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

describe("members: GET /members, PATCH and DELETE /members/{id}, PUT /members/{id}/active", () => {
  it("lists the token's workspace's members only", async () => {
    const response = await callApi(members.GET, { token: a.tokens.VIEWER });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(a.editor.email);
    expect(text).not.toContain(b.editor.email);
  });

  it("another workspace's membership: 404 for every change, nothing changed", async () => {
    const foreign = await membershipOf(b, b.editor.id);
    const params = { membershipId: foreign.id };
    const responses = [
      await callApi(member.PATCH, {
        token: a.tokens.ADMIN,
        method: "PATCH",
        params,
        body: { role: "VIEWER" },
      }),
      await callApi(memberActive.PUT, {
        token: a.tokens.ADMIN,
        method: "PUT",
        params,
        body: { active: false },
      }),
      await callApi(member.DELETE, { token: a.tokens.ADMIN, method: "DELETE", params }),
    ];
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(await db.membership.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
  });

  it.each(["EDITOR", "AUDITOR", "VIEWER"] as const)("a %s token: 403", async (role) => {
    const target = await membershipOf(a, a.viewer.id);
    const params = { membershipId: target.id };
    expect(
      (
        await callApi(member.PATCH, {
          token: a.tokens[role],
          method: "PATCH",
          params,
          body: { role: "EDITOR" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await callApi(member.DELETE, { token: a.tokens[role], method: "DELETE", params })).status,
    ).toBe(403);
    expect(await db.membership.findUniqueOrThrow({ where: { id: target.id } })).toEqual(target);
  });

  it("an ADMIN token changes a role, deactivates and removes, audited; never the owner", async () => {
    const { membership } = await memberWithRole(a.workspace.id, "VIEWER", "api-managed");
    const params = { membershipId: membership.id };
    const changed = await callApi(member.PATCH, {
      token: a.tokens.ADMIN,
      method: "PATCH",
      params,
      body: { role: "EDITOR" },
    });
    expect(changed.status).toBe(200);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe(
      "EDITOR",
    );
    const deactivated = await callApi(memberActive.PUT, {
      token: a.tokens.ADMIN,
      method: "PUT",
      params,
      body: { active: false },
    });
    expect(deactivated.status).toBe(200);
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).deactivatedAt,
    ).not.toBeNull();
    const removed = await callApi(member.DELETE, {
      token: a.tokens.ADMIN,
      method: "DELETE",
      params,
    });
    expect(removed.status).toBe(200);
    expect(await db.membership.findUnique({ where: { id: membership.id } })).toBeNull();
    expect(await lastEvent(a.workspace.id, "member.remove")).toMatchObject({
      actorType: "TOKEN",
      actorId: a.tokenIds.ADMIN,
    });
    // The token acts for its creator (here the owner): removing the creator is "yourself" (400);
    // a token of an ADMIN member may not remove the owner (403).
    const owner = await membershipOf(a, a.owner.id);
    const removeOwner = (t: string) =>
      callApi(member.DELETE, {
        token: t,
        method: "DELETE",
        params: { membershipId: owner.id },
      });
    expect((await removeOwner(a.tokens.ADMIN)).status).toBe(400);
    const adminsToken = await createApiToken({
      workspaceId: a.workspace.id,
      actor: a.actor,
      actorRole: "ADMIN",
      createdById: a.admin.id,
      name: "admin's own",
      role: "ADMIN",
      expiresAt: null,
    });
    expect((await removeOwner(adminsToken.secret)).status).toBe(403);
    expect(await db.membership.findUnique({ where: { id: owner.id } })).not.toBeNull();
  });
});

describe("invitations: GET and POST /invitations, DELETE /invitations/{id}", () => {
  it("an ADMIN token invites, lists and revokes in its own workspace", async () => {
    const created = await callApi(invitations.POST, {
      token: a.tokens.ADMIN,
      method: "POST",
      body: { email: "api-invitee@example.com", role: "AUDITOR" },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { invitationId: string; link: string };
    expect(body.link).toContain("/invite/");
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: body.invitationId } });
    expect(stored).toMatchObject({ workspaceId: a.workspace.id, invitedById: a.owner.id });
    const listed = await callApi(invitations.GET, { token: a.tokens.ADMIN });
    expect(await listed.text()).toContain("api-invitee@example.com");
    const revoked = await callApi(invitation.DELETE, {
      token: a.tokens.ADMIN,
      method: "DELETE",
      params: { invitationId: body.invitationId },
    });
    expect(await revoked.json()).toEqual({ revoked: true });
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: body.invitationId } })).revokedAt,
    ).not.toBeNull();
  });

  it("another workspace's invitation: 404, not listed, not revoked", async () => {
    const created = await callApi(invitations.POST, {
      token: b.tokens.ADMIN,
      method: "POST",
      body: { email: "bravo-invitee@example.com", role: "VIEWER" },
    });
    const { invitationId } = (await created.json()) as { invitationId: string };
    expect(await (await callApi(invitations.GET, { token: a.tokens.ADMIN })).text()).not.toContain(
      "bravo-invitee",
    );
    const response = await callApi(invitation.DELETE, {
      token: a.tokens.ADMIN,
      method: "DELETE",
      params: { invitationId },
    });
    expect(response.status).toBe(404);
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).revokedAt,
    ).toBeNull();
  });

  it.each(["EDITOR", "AUDITOR", "VIEWER"] as const)("a %s token: 403", async (role) => {
    const count = await db.invitation.count({ where: { workspaceId: a.workspace.id } });
    const response = await callApi(invitations.POST, {
      token: a.tokens[role],
      method: "POST",
      body: { email: `${role.toLowerCase()}-tries@example.com`, role: "VIEWER" },
    });
    expect(response.status).toBe(403);
    expect((await callApi(invitations.GET, { token: a.tokens[role] })).status).toBe(403);
    expect(await db.invitation.count({ where: { workspaceId: a.workspace.id } })).toBe(count);
  });
});

describe("GET /api/v1/tokens and DELETE /api/v1/tokens/{tokenId}", () => {
  it("lists the token's workspace's tokens without secrets; VIEWER and EDITOR may not", async () => {
    const response = await callApi(tokens.GET, { token: a.tokens.AUDITOR });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(a.tokenIds.VIEWER);
    expect(text).not.toContain(b.tokenIds.VIEWER);
    expect(text).not.toContain(a.tokens.VIEWER);
    expect(text).not.toContain("tokenHash");
    expect((await callApi(tokens.GET, { token: a.tokens.VIEWER })).status).toBe(403);
    expect((await callApi(tokens.GET, { token: a.tokens.EDITOR })).status).toBe(403);
  });

  it("revokes: 404 for another workspace's token, 403 for an AUDITOR, works for an ADMIN", async () => {
    const foreign = await callApi(token.DELETE, {
      token: a.tokens.ADMIN,
      method: "DELETE",
      params: { tokenId: b.tokenIds.VIEWER },
    });
    expect(foreign.status).toBe(404);
    expect((await callApi(members.GET, { token: b.tokens.VIEWER })).status).toBe(200);
    const refused = await callApi(token.DELETE, {
      token: a.tokens.AUDITOR,
      method: "DELETE",
      params: { tokenId: a.tokenIds.VIEWER },
    });
    expect(refused.status).toBe(403);
    const spare = await buildApiSide("Charlie");
    const revoked = await callApi(token.DELETE, {
      token: spare.tokens.ADMIN,
      method: "DELETE",
      params: { tokenId: spare.tokenIds.VIEWER },
    });
    expect(await revoked.json()).toEqual({ revoked: true });
    expect((await callApi(members.GET, { token: spare.tokens.VIEWER })).status).toBe(401);
    expect(await lastEvent(spare.workspace.id, "token.revoke")).toMatchObject({
      actorType: "TOKEN",
      actorId: spare.tokenIds.ADMIN,
    });
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

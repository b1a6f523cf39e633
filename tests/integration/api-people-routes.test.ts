// The workspace's people through the API (added for parity with the app, lib/server/api/
// action-routes.ts): rename, members, invitations and tokens. For each, another workspace's ids
// answer 404 and change nothing, roles without the permission get 403, and the permitted role
// works, audited as the token.
import { beforeAll, describe, expect, it } from "vitest";

import * as invitation from "@/app/api/v1/invitations/[invitationId]/route";
import * as invitations from "@/app/api/v1/invitations/route";
import * as memberActive from "@/app/api/v1/members/[membershipId]/active/route";
import * as member from "@/app/api/v1/members/[membershipId]/route";
import * as members from "@/app/api/v1/members/route";
import * as token from "@/app/api/v1/tokens/[tokenId]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as workspaceRoute from "@/app/api/v1/workspace/route";
import { db } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/tokens/create-api-token";

import { memberWithRole } from "../support/identity-fixtures";
import { type ApiSide, buildApiSide, callApi } from "./api-fixtures";
import { ensureFrameworks } from "./systems-fixtures";

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

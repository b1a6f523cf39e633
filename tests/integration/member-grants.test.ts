import { beforeEach, describe, expect, it } from "vitest";

import { GET as listVendors, POST as createVendorRoute } from "@/app/api/v1/vendors/route";
import { setMemberActiveAction } from "@/lib/actions/members";
import { getSession, setSessionForTests } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { leaveWorkspace } from "@/lib/server/members/leave-workspace";
import { listMembers } from "@/lib/server/members/list-members";
import { removeMember } from "@/lib/server/members/remove-member";
import { setMemberActive } from "@/lib/server/members/set-member-active";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { setUserActive } from "@/lib/server/users/set-user-active";

import { expectNotFound, memberWithRole, signedUpOwner } from "../support/identity-fixtures";

beforeEach(() => setSessionForTests(undefined));

const actorOf = (user: { id: string; email: string }) => ({
  type: "USER" as const,
  id: user.id,
  label: user.email,
});

async function setup(label: string) {
  const owner = await signedUpOwner(label);
  const admin = await memberWithRole(owner.workspace.id, "ADMIN", `${label}-admin`);
  const token = async (role: Role) =>
    createApiToken({
      workspaceId: owner.workspace.id,
      actor: actorOf(admin.user),
      actorRole: "ADMIN",
      createdById: admin.user.id,
      name: `${role} token`,
      role,
      expiresAt: null,
    });
  return { owner, admin, token };
}

const api = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function readVendors(secret: string) {
  return (
    await listVendors(new Request("http://localhost/api/v1/vendors", { headers: api(secret) }))
  ).status;
}

async function createVendor(secret: string, name: string) {
  const response = await createVendorRoute(
    new Request("http://localhost/api/v1/vendors", {
      method: "POST",
      headers: { ...api(secret), "content-type": "application/json" },
      body: JSON.stringify({ name }),
    }),
  );
  return response.status;
}

describe("API tokens act only while their creator keeps the role (issue 14, point 2)", () => {
  it("a removed ADMIN's token answers 401 on reads and writes, and its revocation is audited", async () => {
    const { owner, admin, token } = await setup("removed");
    const editorToken = await token("EDITOR");
    expect(await readVendors(editorToken.secret)).toBe(200);
    expect(await createVendor(editorToken.secret, "Before removal")).toBe(201);

    await removeMember({
      workspaceId: owner.workspace.id,
      actor: actorOf(owner.user),
      actorRole: "OWNER",
      actorUserId: owner.user.id,
      membershipId: admin.membership.id,
    });
    expect(await readVendors(editorToken.secret)).toBe(401);
    expect(await createVendor(editorToken.secret, "After removal")).toBe(401);
    expect(
      await db.vendor.count({ where: { workspaceId: owner.workspace.id, name: "After removal" } }),
    ).toBe(0);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: editorToken.id } });
    expect(stored.revokedAt).not.toBeNull();
    expect(stored.revokedReason).toMatch(/removed/);
    expect(
      await db.auditEvent.count({
        where: {
          workspaceId: owner.workspace.id,
          action: "token.revoke",
          entityId: editorToken.id,
        },
      }),
    ).toBe(1);
  });

  it("demotion revokes only the tokens and invitations the new role could not have made", async () => {
    const { owner, admin, token } = await setup("demoted");
    const auditorToken = await token("AUDITOR");
    const editorToken = await token("EDITOR");
    const invitation = await createInvitation({
      workspaceId: owner.workspace.id,
      actor: actorOf(admin.user),
      actorRole: "ADMIN",
      invitedById: admin.user.id,
      email: "invitee-demoted@example.test",
      role: "VIEWER",
    });
    await changeMemberRole({
      workspaceId: owner.workspace.id,
      actor: actorOf(owner.user),
      actorRole: "OWNER",
      membershipId: admin.membership.id,
      role: "EDITOR",
    });
    // An EDITOR reads no audit log: an AUDITOR token would act beyond its creator.
    expect(await readVendors(auditorToken.secret)).toBe(401);
    expect(await readVendors(editorToken.secret)).toBe(200);
    const pending = await db.invitation.findFirstOrThrow({ where: { email: invitation.email } });
    expect(pending.revokedAt).not.toBeNull();
  });

  it("leaving and deactivation revoke the member's tokens and invitations; the account deactivation too", async () => {
    const { owner, admin, token } = await setup("leaving");
    const leaving = await token("VIEWER");
    await leaveWorkspace({
      workspaceId: owner.workspace.id,
      actor: actorOf(admin.user),
      userId: admin.user.id,
    });
    expect(await readVendors(leaving.secret)).toBe(401);

    const second = await memberWithRole(owner.workspace.id, "ADMIN", "second-admin");
    const secondToken = await createApiToken({
      workspaceId: owner.workspace.id,
      actor: actorOf(second.user),
      actorRole: "ADMIN",
      createdById: second.user.id,
      name: "second",
      role: "VIEWER",
      expiresAt: null,
    });
    await setUserActive({ userId: second.user.id, active: false });
    expect(await readVendors(secondToken.secret)).toBe(401);
    expect(
      (await db.apiToken.findUniqueOrThrow({ where: { id: secondToken.id } })).revokedAt,
    ).not.toBeNull();
  });

  it("a token whose creator lost the role without the member services (a row changed by hand) is refused and revoked on use", async () => {
    const { owner, admin, token } = await setup("by-hand");
    const viewerToken = await token("VIEWER");
    await db.membership.delete({ where: { id: admin.membership.id } });
    expect(await readVendors(viewerToken.secret)).toBe(401);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: viewerToken.id } });
    expect(stored.revokedReason).toMatch(/no longer holds/);
    expect(
      await db.auditEvent.count({
        where: { workspaceId: owner.workspace.id, action: "token.revoke" },
      }),
    ).toBe(1);
  });

  it("the token list names each token's creator", async () => {
    const { owner, admin, token } = await setup("creator");
    await token("VIEWER");
    const [listed] = await listApiTokens(owner.workspace.id);
    expect(listed?.createdBy).toEqual({
      id: admin.user.id,
      name: admin.user.name,
      email: admin.user.email,
    });
  });
});

describe("deactivating a member from the members page (issue 14, point 8)", () => {
  it("suspends access at once, revokes grants, ends sessions when it was their only workspace; reactivation restores access", async () => {
    const { owner, admin, token } = await setup("deactivate");
    const adminToken = await token("VIEWER");
    setSessionForTests(admin.user.id);
    await expect(
      requireWorkspacePage(owner.workspace.slug, "workspace.read"),
    ).resolves.toMatchObject({ role: "ADMIN" });

    setSessionForTests(owner.user.id);
    const result = await setMemberActiveAction(owner.workspace.slug, {
      membershipId: admin.membership.id,
      active: false,
    });
    expect(result.serverError).toBeUndefined();
    expect(await readVendors(adminToken.secret)).toBe(401);
    // Their only workspace: every session of theirs has ended.
    expect(await db.session.count({ where: { userId: admin.user.id } })).toBe(0);
    setSessionForTests(admin.user.id);
    await expectNotFound(() => requireWorkspacePage(owner.workspace.slug, "workspace.read"));
    expect(await getSession()).not.toBeNull();

    const listed = await listMembers(owner.workspace.id);
    expect(listed.find((m) => m.id === admin.membership.id)?.deactivatedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, action: "member.deactivate" },
    });
    expect(audit.diff).toMatchObject({ revoked: { tokens: 1 }, endedSessions: 1 });

    setSessionForTests(owner.user.id);
    await setMemberActiveAction(owner.workspace.slug, {
      membershipId: admin.membership.id,
      active: true,
    });
    setSessionForTests(admin.user.id);
    await expect(
      requireWorkspacePage(owner.workspace.slug, "workspace.read"),
    ).resolves.toMatchObject({ role: "ADMIN" });
    expect(await readVendors(adminToken.secret)).toBe(401);
  });

  it("keeps a member's other workspaces and sessions untouched", async () => {
    const { owner, admin } = await setup("elsewhere");
    const other = await signedUpOwner("elsewhere-other");
    await db.membership.create({
      data: { workspaceId: other.workspace.id, userId: admin.user.id, role: "EDITOR" },
    });
    setSessionForTests(admin.user.id);
    await getSession();
    await setMemberActive({
      workspaceId: owner.workspace.id,
      actor: actorOf(owner.user),
      actorRole: "OWNER",
      actorUserId: owner.user.id,
      membershipId: admin.membership.id,
      active: false,
    });
    expect(await db.session.count({ where: { userId: admin.user.id } })).toBe(1);
    await expect(
      requireWorkspacePage(other.workspace.slug, "workspace.read"),
    ).resolves.toMatchObject({ role: "EDITOR" });
  });

  it("refuses other workspaces' members (404), the owner, oneself, and roles without the permission", async () => {
    const { owner, admin } = await setup("deactivate-rules");
    const other = await signedUpOwner("deactivate-foreign");
    const editor = await memberWithRole(owner.workspace.id, "EDITOR", "deactivate-editor");

    setSessionForTests(owner.user.id);
    const foreign = await setMemberActiveAction(owner.workspace.slug, {
      membershipId: (
        await db.membership.findFirstOrThrow({ where: { workspaceId: other.workspace.id } })
      ).id,
      active: false,
    });
    expect(foreign.serverError?.code).toBe("NOT_FOUND");
    const self = await setMemberActiveAction(owner.workspace.slug, {
      membershipId: (await db.membership.findFirstOrThrow({ where: { userId: owner.user.id } })).id,
      active: false,
    });
    expect(self.serverError?.code).toBe("VALIDATION_FAILED");

    setSessionForTests(admin.user.id);
    const ownerTarget = await setMemberActiveAction(owner.workspace.slug, {
      membershipId: (await db.membership.findFirstOrThrow({ where: { userId: owner.user.id } })).id,
      active: false,
    });
    expect(ownerTarget.serverError?.code).toBe("FORBIDDEN");

    setSessionForTests(editor.user.id);
    const byEditor = await setMemberActiveAction(owner.workspace.slug, {
      membershipId: admin.membership.id,
      active: false,
    });
    expect(byEditor.serverError?.code).toBe("FORBIDDEN");
    expect(
      await db.membership.count({
        where: { workspaceId: owner.workspace.id, deactivatedAt: { not: null } },
      }),
    ).toBe(0);
  });
});

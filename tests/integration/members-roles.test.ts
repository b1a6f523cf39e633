import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import {
  changeMemberRoleAction,
  inviteMemberAction,
  leaveWorkspaceAction,
  removeMemberAction,
  transferOwnershipAction,
} from "@/lib/actions/members";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { renameWorkspaceAction } from "@/lib/actions/settings";
import { createApiTokenAction } from "@/lib/actions/tokens";
import { can, PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { setSessionForTests } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import {
  acceptInvitation,
  acceptInvitationWithSignUp,
} from "@/lib/server/invitations/accept-invitation";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { sendMail } from "@/lib/server/mail/send-mail";

import {
  expectNotFound,
  memberWithRole,
  signedUpOwner,
  TEST_PASSWORD,
  uniqueEmail,
} from "../support/identity-fixtures";

vi.mock("@/lib/server/mail/send-mail", () => ({ sendMail: vi.fn(async () => ({ sent: true })) }));

type Owner = Awaited<ReturnType<typeof signedUpOwner>>;
let owner: Owner;
const members = {} as Record<Role, { userId: string; membershipId: string }>;

beforeAll(async () => {
  owner = await signedUpOwner("roles");
  members.OWNER = {
    userId: owner.user.id,
    membershipId: (await db.membership.findFirstOrThrow({ where: { userId: owner.user.id } })).id,
  };
  for (const role of ["ADMIN", "EDITOR", "AUDITOR", "VIEWER"] as const) {
    const m = await memberWithRole(owner.workspace.id, role);
    members[role] = { userId: m.user.id, membershipId: m.membership.id };
  }
});
beforeEach(() => setSessionForTests(undefined));

describe("role × permission through the real action chain", () => {
  // One probe action per permission in the map, built exactly like the app's actions.
  const probes = Object.fromEntries(
    PERMISSIONS.map((permission) => [
      permission,
      workspaceActionClient
        .metadata({ name: `probe.${permission}`, permission })
        .inputSchema(z.object({}))
        .action(async () => ({ ran: true })),
    ]),
  );

  it.each(ROLES)("%s: allowed exactly where the permission map says", async (role) => {
    setSessionForTests(members[role].userId);
    for (const permission of PERMISSIONS) {
      const result = await probes[permission]!(owner.workspace.slug, {});
      if (can(role, permission))
        expect(result.data, `${role} ${permission}`).toEqual({ ran: true });
      else
        expect(result.serverError, `${role} ${permission}`).toMatchObject({
          code: "FORBIDDEN",
          status: 403,
        });
    }
  });

  it("refuses a workspace action that declares no permission", async () => {
    setSessionForTests(members.OWNER.userId);
    const careless = workspaceActionClient.metadata({ name: "careless" }).action(async () => "ran");
    expect((await careless(owner.workspace.slug)).serverError?.code).toBe("FORBIDDEN");
  });

  it.each(["EDITOR", "AUDITOR", "VIEWER"] as const)(
    "%s cannot change workspace, members or tokens through the app's actions",
    async (role) => {
      setSessionForTests(members[role].userId);
      const slug = owner.workspace.slug;
      const before = await db.auditEvent.count({ where: { workspaceId: owner.workspace.id } });
      const results = [
        await renameWorkspaceAction(slug, { name: "Nope" }),
        await inviteMemberAction(slug, { email: uniqueEmail("x"), role: "VIEWER" }),
        await changeMemberRoleAction(slug, {
          membershipId: members.VIEWER.membershipId,
          role: "EDITOR",
        }),
        await removeMemberAction(slug, { membershipId: members.VIEWER.membershipId }),
        await transferOwnershipAction(slug, { membershipId: members[role].membershipId }),
        await createApiTokenAction(slug, { name: "Nope", role: "VIEWER", expiresInDays: "30" }),
      ];
      for (const result of results) expect(result.serverError?.code).toBe("FORBIDDEN");
      expect(await db.auditEvent.count({ where: { workspaceId: owner.workspace.id } })).toBe(
        before,
      );
    },
  );
});

describe("membership rules", () => {
  it("an ADMIN cannot touch the OWNER nor grant OWNER", async () => {
    setSessionForTests(members.ADMIN.userId);
    const slug = owner.workspace.slug;
    expect(
      (
        await changeMemberRoleAction(slug, {
          membershipId: members.OWNER.membershipId,
          role: "VIEWER",
        })
      ).serverError?.code,
    ).toBe("FORBIDDEN");
    expect(
      (await removeMemberAction(slug, { membershipId: members.OWNER.membershipId })).serverError
        ?.code,
    ).toBe("FORBIDDEN");
    const grantOwner = await changeMemberRoleAction(slug, {
      membershipId: members.VIEWER.membershipId,
      role: "OWNER" as never,
    });
    expect(grantOwner.validationErrors).toBeDefined();
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: members.OWNER.membershipId } })).role,
    ).toBe("OWNER");
  });

  it("the owner cannot leave or remove themselves; ownership transfer keeps exactly one owner", async () => {
    const { workspace, user } = await signedUpOwner("transfer");
    const admin = await memberWithRole(workspace.id, "ADMIN");
    setSessionForTests(user.id);
    expect((await leaveWorkspaceAction(workspace.slug, {})).serverError?.message).toMatch(
      /Transfer ownership/,
    );
    const own = await db.membership.findFirstOrThrow({
      where: { workspaceId: workspace.id, userId: user.id },
    });
    expect(
      (await removeMemberAction(workspace.slug, { membershipId: own.id })).serverError?.code,
    ).toBe("VALIDATION_FAILED");

    expect(
      (await transferOwnershipAction(workspace.slug, { membershipId: admin.membership.id })).data,
    ).toEqual({ transferred: true });
    const roles = await db.membership.findMany({
      where: { workspaceId: workspace.id },
      select: { userId: true, role: true },
    });
    expect(roles).toEqual(
      expect.arrayContaining([
        { userId: admin.user.id, role: "OWNER" },
        { userId: user.id, role: "ADMIN" },
      ]),
    );
    // The former owner can now leave; the workspace keeps its new owner.
    expect((await leaveWorkspaceAction(workspace.slug, {})).data).toEqual({ left: true });
    await expectNotFound(() => requireWorkspacePage(workspace.slug, "workspace.read"));
    expect(await db.membership.count({ where: { workspaceId: workspace.id, role: "OWNER" } })).toBe(
      1,
    );
    expect((await verifyAuditChain(workspace.id)).ok).toBe(true);
  });

  it("a removed member loses access on the next request", async () => {
    const { workspace, user } = await signedUpOwner("remove");
    const editor = await memberWithRole(workspace.id, "EDITOR");
    setSessionForTests(editor.user.id);
    await expect(requireWorkspacePage(workspace.slug, "workspace.read")).resolves.toMatchObject({
      role: "EDITOR",
    });
    setSessionForTests(user.id);
    expect(
      (await removeMemberAction(workspace.slug, { membershipId: editor.membership.id })).data,
    ).toMatchObject({ removed: true });
    setSessionForTests(editor.user.id);
    await expectNotFound(() => requireWorkspacePage(workspace.slug, "workspace.read"));
    expect(
      (await renameWorkspaceAction(workspace.slug, { name: "After removal" })).serverError?.code,
    ).toBe("NOT_FOUND");
  });
});

describe("invitations", () => {
  async function invite(email: string, role: Role = "EDITOR") {
    return createInvitation({
      workspaceId: owner.workspace.id,
      actor: { type: "USER", id: owner.user.id, label: owner.user.email },
      actorRole: "OWNER",
      invitedById: owner.user.id,
      email,
      role,
    });
  }
  const tokenOf = (link: string) => link.split("/invite/")[1]!;

  it("e-mails the single-use link, and a new user accepts by signing up", async () => {
    const email = uniqueEmail("invitee");
    const invitation = await invite(email, "AUDITOR");
    expect(vi.mocked(sendMail)).toHaveBeenCalledWith(
      expect.objectContaining({ to: email, text: expect.stringContaining(invitation.link) }),
    );
    expect(invitation.mailed).toBe(true);
    const accepted = await acceptInvitationWithSignUp({
      token: tokenOf(invitation.link),
      name: "Invitee",
      password: TEST_PASSWORD,
    });
    expect(accepted.workspace.id).toBe(owner.workspace.id);
    const membership = await db.membership.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, user: { email } },
    });
    expect(membership.role).toBe("AUDITOR");
    // Reused link: clear message, nothing changed.
    const before = await db.membership.count({ where: { workspaceId: owner.workspace.id } });
    await expect(
      acceptInvitationWithSignUp({
        token: tokenOf(invitation.link),
        name: "Again",
        password: TEST_PASSWORD,
      }),
    ).rejects.toThrow(/already exists|already been used/);
    await expect(
      acceptInvitation({ token: tokenOf(invitation.link), userId: accepted.user.id }),
    ).rejects.toThrow(/already been used/);
    expect(await db.membership.count({ where: { workspaceId: owner.workspace.id } })).toBe(before);
  });

  it("refuses expired, revoked and other people's invitations with a clear message", async () => {
    const expired = await invite(uniqueEmail("late"));
    await db.invitation.updateMany({
      where: { id: expired.invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      acceptInvitationWithSignUp({
        token: tokenOf(expired.link),
        name: "Late",
        password: TEST_PASSWORD,
      }),
    ).rejects.toThrow(/expired/);
    expect(await db.user.count({ where: { email: expired.email } })).toBe(0);

    const replaced = await invite(uniqueEmail("replaced"));
    await invite(replaced.email);
    await expect(
      acceptInvitationWithSignUp({
        token: tokenOf(replaced.link),
        name: "Old",
        password: TEST_PASSWORD,
      }),
    ).rejects.toThrow(/withdrawn/);

    const forSomeoneElse = await invite(uniqueEmail("someone"));
    await expect(
      acceptInvitation({ token: tokenOf(forSomeoneElse.link), userId: members.VIEWER.userId }),
    ).rejects.toThrow(/different e-mail/);
    await expect(
      acceptInvitation({ token: "x".repeat(43), userId: members.VIEWER.userId }),
    ).rejects.toThrow(/not valid/);
  });

  it("refuses inviting an existing member and bad input", async () => {
    setSessionForTests(members.OWNER.userId);
    const admin = await db.user.findUniqueOrThrow({ where: { id: members.ADMIN.userId } });
    expect(
      (await inviteMemberAction(owner.workspace.slug, { email: admin.email, role: "VIEWER" }))
        .serverError?.code,
    ).toBe("CONFLICT");
    const bad = await inviteMemberAction(owner.workspace.slug, { email: "nope", role: "VIEWER" });
    expect((bad.validationErrors?.fieldErrors as Record<string, string[]>).email?.[0]).toMatch(
      /valid e-mail/,
    );
  });
});

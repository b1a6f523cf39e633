// Two workspaces: every identity page, action and API route answers 404 for the other workspace's
// slug or ids and changes nothing there; the same calls on one's own workspace work (no over-blocking).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import AuditPage from "@/app/(app)/w/[workspaceSlug]/audit/page";
import WorkspaceLayout, { generateMetadata } from "@/app/(app)/w/[workspaceSlug]/layout";
import OverviewPage from "@/app/(app)/w/[workspaceSlug]/page";
import SettingsLayout from "@/app/(app)/w/[workspaceSlug]/settings/layout";
import MembersPage from "@/app/(app)/w/[workspaceSlug]/settings/members/page";
import SettingsPage from "@/app/(app)/w/[workspaceSlug]/settings/page";
import TokensPage from "@/app/(app)/w/[workspaceSlug]/settings/tokens/page";
import { GET as getWorkspaceRoute } from "@/app/api/v1/workspace/route";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  leaveWorkspaceAction,
  removeMemberAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "@/lib/actions/members";
import { renameWorkspaceAction } from "@/lib/actions/settings";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/tokens";
import { setSessionForTests } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { db } from "@/lib/db/client";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { createApiToken } from "@/lib/server/tokens/create-api-token";

import {
  expectNotFound,
  memberWithRole,
  signedUpOwner,
  workspaceSnapshot,
} from "../support/identity-fixtures";

vi.mock("@/lib/server/mail/send-mail", () => ({
  sendMail: vi.fn(async () => ({ sent: false, reason: "test" })),
}));

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const a = await signedUpOwner("alpha", "Alpha Secret Name");
  const b = await signedUpOwner("bravo", "Bravo Secret Name");
  const bEditor = await memberWithRole(b.workspace.id, "EDITOR");
  const bInvitation = await createInvitation({
    workspaceId: b.workspace.id,
    actor: { type: "USER", id: b.user.id, label: b.user.email },
    actorRole: "OWNER",
    invitedById: b.user.id,
    email: "pending@example.test",
    role: "VIEWER",
  });
  const bToken = await createApiToken({
    workspaceId: b.workspace.id,
    actor: { type: "USER", id: b.user.id, label: b.user.email },
    actorRole: "OWNER",
    createdById: b.user.id,
    name: "Bravo CI",
    role: "VIEWER",
    expiresAt: null,
  });
  const aEditor = await memberWithRole(a.workspace.id, "EDITOR");
  return { a, b, bEditor, bInvitation, bToken, aEditor };
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
beforeEach(() => setSessionForTests(world.a.user.id));

// The rendered element tree as text (icons are circular component objects: skipped).
function serialise(value: unknown): string {
  const seen = new WeakSet();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "function") return undefined;
    if (item && typeof item === "object") {
      if (seen.has(item)) return undefined;
      seen.add(item);
    }
    return item;
  });
}

const params = (slug: string) => Promise.resolve({ workspaceSlug: slug });
const noSearch = Promise.resolve({});

describe("pages", () => {
  const pages: [string, (slug: string) => Promise<unknown>][] = [
    ["workspace layout", (slug) => WorkspaceLayout({ params: params(slug), children: null })],
    ["overview", (slug) => OverviewPage({ params: params(slug) })],
    ["settings layout", (slug) => SettingsLayout({ params: params(slug), children: null })],
    ["general settings", (slug) => SettingsPage({ params: params(slug) })],
    ["members", (slug) => MembersPage({ params: params(slug) })],
    ["API tokens", (slug) => TokensPage({ params: params(slug) })],
    ["audit log", (slug) => AuditPage({ params: params(slug), searchParams: noSearch })],
  ];

  it.each(pages)("%s: another workspace's slug is a 404", async (_name, render) => {
    await expectNotFound(() => render(world.b.workspace.slug));
  });

  it.each(pages)("%s: renders for a member of the workspace", async (_name, render) => {
    const output = await render(world.a.workspace.slug);
    expect(output).toBeTruthy();
    expect(serialise(output)).not.toContain("Bravo Secret Name");
  });

  it("never puts another workspace's name in the title", async () => {
    const metadata = await generateMetadata({ params: params(world.b.workspace.slug) });
    expect(metadata.title).toBe("Page not found");
    await expectNotFound(() => requireWorkspacePage("no-such-workspace", "workspace.read"));
  });

  it("puts only the member's own workspace name in the title", async () => {
    const metadata = await generateMetadata({ params: params(world.a.workspace.slug) });
    expect(JSON.stringify(metadata.title)).toContain("Alpha Secret Name");
  });
});

describe("server actions", () => {
  // Each action, once with the other workspace's slug (membership check) and once with this
  // workspace's slug but the other workspace's ids (the services' workspace-scoped where).
  const foreignSlugCalls = (
    w: World,
  ): [string, () => Promise<{ serverError?: { code: string } }>][] => [
    ["rename", () => renameWorkspaceAction(w.b.workspace.slug, { name: "Hijacked" })],
    [
      "invite",
      () => inviteMemberAction(w.b.workspace.slug, { email: "x@example.test", role: "ADMIN" }),
    ],
    [
      "revoke invitation",
      () =>
        revokeInvitationAction(w.b.workspace.slug, { invitationId: w.bInvitation.invitationId }),
    ],
    [
      "change role",
      () =>
        changeMemberRoleAction(w.b.workspace.slug, {
          membershipId: w.bEditor.membership.id,
          role: "VIEWER",
        }),
    ],
    [
      "remove member",
      () => removeMemberAction(w.b.workspace.slug, { membershipId: w.bEditor.membership.id }),
    ],
    [
      "transfer ownership",
      () => transferOwnershipAction(w.b.workspace.slug, { membershipId: w.bEditor.membership.id }),
    ],
    ["leave", () => leaveWorkspaceAction(w.b.workspace.slug, {})],
    [
      "create token",
      () =>
        createApiTokenAction(w.b.workspace.slug, {
          name: "Hijack",
          role: "ADMIN",
          expiresInDays: "30",
        }),
    ],
    ["revoke token", () => revokeApiTokenAction(w.b.workspace.slug, { tokenId: w.bToken.id })],
  ];
  const foreignIdCalls = (
    w: World,
  ): [string, () => Promise<{ serverError?: { code: string } }>][] => [
    [
      "revoke invitation",
      () =>
        revokeInvitationAction(w.a.workspace.slug, { invitationId: w.bInvitation.invitationId }),
    ],
    [
      "change role",
      () =>
        changeMemberRoleAction(w.a.workspace.slug, {
          membershipId: w.bEditor.membership.id,
          role: "VIEWER",
        }),
    ],
    [
      "remove member",
      () => removeMemberAction(w.a.workspace.slug, { membershipId: w.bEditor.membership.id }),
    ],
    [
      "transfer ownership",
      () => transferOwnershipAction(w.a.workspace.slug, { membershipId: w.bEditor.membership.id }),
    ],
    ["revoke token", () => revokeApiTokenAction(w.a.workspace.slug, { tokenId: w.bToken.id })],
  ];

  it("answers 404 for the other workspace's slug and changes nothing there", async () => {
    for (const [name, call] of foreignSlugCalls(world)) {
      const before = await workspaceSnapshot(world.b.workspace.id);
      const result = await call();
      expect(result.serverError, name).toMatchObject({ code: "NOT_FOUND", status: 404 });
      expect(JSON.stringify(result)).not.toContain("Bravo");
      expect(await workspaceSnapshot(world.b.workspace.id), name).toEqual(before);
    }
  });

  it("answers 404 for the other workspace's ids under one's own slug and changes nothing", async () => {
    for (const [name, call] of foreignIdCalls(world)) {
      const beforeB = await workspaceSnapshot(world.b.workspace.id);
      const beforeA = await workspaceSnapshot(world.a.workspace.id);
      const result = await call();
      expect(result.serverError, name).toMatchObject({ code: "NOT_FOUND" });
      expect(await workspaceSnapshot(world.b.workspace.id), name).toEqual(beforeB);
      expect(await workspaceSnapshot(world.a.workspace.id), name).toEqual(beforeA);
    }
  });

  it("still works on one's own workspace (positive control)", async () => {
    const slug = world.a.workspace.slug;
    expect((await renameWorkspaceAction(slug, { name: "Alpha Renamed" })).data).toEqual({
      changed: true,
    });
    const invite = await inviteMemberAction(slug, { email: "new@example.test", role: "EDITOR" });
    expect(invite.data?.link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const invitation = await db.invitation.findFirstOrThrow({
      where: { workspaceId: world.a.workspace.id, email: "new@example.test" },
    });
    expect((await revokeInvitationAction(slug, { invitationId: invitation.id })).data).toEqual({
      revoked: true,
    });
    expect(
      (
        await changeMemberRoleAction(slug, {
          membershipId: world.aEditor.membership.id,
          role: "AUDITOR",
        })
      ).data,
    ).toMatchObject({ changed: true });
    const token = await createApiTokenAction(slug, {
      name: "Alpha CI",
      role: "VIEWER",
      expiresInDays: "never",
    });
    expect(token.data?.secret).toMatch(/^srm_/);
    expect((await revokeApiTokenAction(slug, { tokenId: token.data!.id })).data).toEqual({
      revoked: true,
    });
    expect(
      (await removeMemberAction(slug, { membershipId: world.aEditor.membership.id })).data,
    ).toMatchObject({ removed: true });
  });
});

describe("API routes", () => {
  it("GET /api/v1/workspace answers with the token's own workspace only", async () => {
    const response = await getWorkspaceRoute(
      new Request("http://localhost/api/v1/workspace?workspace=" + world.a.workspace.slug, {
        headers: { authorization: `Bearer ${world.bToken.secret}` },
      }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.workspace).toEqual({
      id: world.b.workspace.id,
      slug: world.b.workspace.slug,
      name: world.b.workspace.name,
    });
    expect(JSON.stringify(body)).not.toContain(world.a.workspace.id);
  });
});

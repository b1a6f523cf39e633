import { beforeEach, describe, expect, it } from "vitest";

import { signInAction, signUpAction } from "@/lib/actions/auth";
import { createWorkspaceAction } from "@/lib/actions/workspaces";
import { getSession, setSessionForTests } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import {
  authenticateWithPassword,
  WRONG_CREDENTIALS,
} from "@/lib/server/auth/authenticate-with-password";
import { ACCOUNT_EXISTS, registerUser } from "@/lib/server/users/register-user";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { signUpSchema } from "@/lib/validation/auth";

import {
  expectNotFound,
  expectRedirect,
  memberWithRole,
  signedUpOwner,
  TEST_PASSWORD,
  uniqueEmail,
} from "../support/identity-fixtures";

beforeEach(() => setSessionForTests(undefined));

describe("sign-up", () => {
  it("creates the user, their first workspace as OWNER and audits both, with a hashed password", async () => {
    const email = uniqueEmail("first");
    const { user, workspace } = await registerUser({
      name: "Ada",
      email,
      password: TEST_PASSWORD,
      workspaceName: "Acme Security",
    });
    expect(workspace).toMatchObject({ name: "Acme Security", slug: "acme-security" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership).toMatchObject({ workspaceId: workspace.id, role: "OWNER" });
    const events = await db.auditEvent.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["workspace.create", "member.add"]);
    expect(JSON.stringify(events)).not.toContain(stored.passwordHash);
    expect(await verifyAuditChain(workspace.id)).toMatchObject({ ok: true, events: 2 });
  });

  it("refuses a second account for the same e-mail (case-insensitive) and changes nothing", async () => {
    const email = uniqueEmail("dup");
    await registerUser({ name: "One", email, password: TEST_PASSWORD });
    const before = await db.workspace.count();
    const result = await signUpAction({
      name: "Two",
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(result.serverError).toMatchObject({ code: "CONFLICT", message: ACCOUNT_EXISTS });
    expect(await db.workspace.count()).toBe(before);
  });

  it.each([
    [
      "malformed e-mail",
      { name: "X", email: "not-an-email", password: TEST_PASSWORD },
      "email",
      /valid e-mail/,
    ],
    [
      "weak password",
      { name: "X", email: uniqueEmail("weak"), password: "short" },
      "password",
      /at least 15/,
    ],
    [
      "missing name",
      { name: "  ", email: uniqueEmail("noname"), password: TEST_PASSWORD },
      "name",
      /Enter your name/,
    ],
  ])(
    "rejects a %s with a message on the field and writes nothing",
    async (_label, input, field, message) => {
      const users = await db.user.count();
      const result = await signUpAction(input);
      const fieldErrors = result.validationErrors?.fieldErrors as
        Record<string, string[]> | undefined;
      expect(fieldErrors?.[field]?.join(" ")).toMatch(message);
      expect(await db.user.count()).toBe(users);
    },
  );
});

describe("password rule (NIST SP 800-63B)", () => {
  it("accepts a passphrase of words without digits or symbols", async () => {
    // The action's success path sets a cookie (request scope only); the service behind it and
    // the same schema are what decide.
    const email = uniqueEmail("words");
    const input = signUpSchema.parse({
      name: "Words Only",
      email,
      password: "violet tractor mellow harbour",
    });
    const { user } = await registerUser(input);
    expect(user.email).toBe(email);
    await expect(
      authenticateWithPassword({ email, password: input.password, clientAddress: "10.9.0.1" }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it.each([
    ["a common password padded with digits", "Password123456!"],
    ["a long entry of the breached list", "1qaz2wsx3edc4rfv"],
  ])("refuses %s on the password field and writes nothing", async (_label, password) => {
    const users = await db.user.count();
    const result = await signUpAction({ name: "X", email: uniqueEmail("common"), password });
    expect(result.serverError?.fieldErrors?.password?.[0]).toMatch(/common or breached/);
    expect(await db.user.count()).toBe(users);
  });
});

describe("sign-in", () => {
  it("accepts the right password and audits the sign-in in the user's workspace", async () => {
    const { user, workspace } = await signedUpOwner("signin");
    const signedIn = await authenticateWithPassword({
      email: user.email,
      password: TEST_PASSWORD,
      clientAddress: "10.0.0.1",
    });
    expect(signedIn.id).toBe(user.id);
    const last = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id },
      orderBy: { seq: "desc" },
    });
    expect(last).toMatchObject({ action: "auth.signIn", actorId: user.id });
  });

  it("answers wrong password, unknown e-mail and deactivated account identically", async () => {
    const { user } = await signedUpOwner("same-answer");
    const inactive = await signedUpOwner("inactive");
    await setUserActive({ userId: inactive.user.id, active: false });
    const attempts = [
      { email: user.email, password: "wrong password 1" },
      { email: uniqueEmail("nobody"), password: TEST_PASSWORD },
      { email: inactive.user.email, password: TEST_PASSWORD },
    ];
    for (const attempt of attempts) {
      await expect(
        authenticateWithPassword({ ...attempt, clientAddress: "10.0.0.2" }),
      ).rejects.toThrow(new UnauthorizedError(WRONG_CREDENTIALS));
    }
  });

  it("validates sign-in input before anything else", async () => {
    const result = await signInAction({ email: "bad", password: "" });
    const fieldErrors = result.validationErrors?.fieldErrors as Record<string, string[]>;
    expect(fieldErrors.email?.[0]).toMatch(/valid e-mail/);
    expect(fieldErrors.password?.[0]).toMatch(/Enter your password/);
    expect(await db.signInThrottle.count({ where: { key: { contains: "|bad" } } })).toBe(0);
  });
});

describe("session and workspace resolution", () => {
  it("resolves a member's workspace and role", async () => {
    const { user, workspace } = await signedUpOwner("resolve");
    setSessionForTests(user.id);
    expect(await getSession()).toMatchObject({
      user: { id: user.id, email: user.email, name: user.name },
    });
    await expect(requireWorkspacePage(workspace.slug, "workspace.read")).resolves.toMatchObject({
      role: "OWNER",
      workspace: { id: workspace.id },
    });
  });

  it("sends anonymous visitors to sign in and answers 404 for unknown slugs and non-members", async () => {
    const { workspace } = await signedUpOwner("anon");
    const stranger = await signedUpOwner("stranger");
    setSessionForTests(null);
    await expectRedirect(
      () => requireWorkspacePage(workspace.slug, "workspace.read"),
      `/sign-in?callbackUrl=%2Fw%2F${workspace.slug}`,
    );
    setSessionForTests(stranger.user.id);
    await expectNotFound(() => requireWorkspacePage(workspace.slug, "workspace.read"));
    await expectNotFound(() => requireWorkspacePage("no-such-workspace", "workspace.read"));
  });

  it("refuses a deactivated user and a removed member on their next request", async () => {
    const { workspace } = await signedUpOwner("revoke");
    const member = await memberWithRole(workspace.id, "EDITOR");
    setSessionForTests(member.user.id);
    await expect(requireWorkspacePage(workspace.slug, "workspace.read")).resolves.toMatchObject({
      role: "EDITOR",
    });

    await db.membership.delete({ where: { id: member.membership.id } });
    await expectNotFound(() => requireWorkspacePage(workspace.slug, "workspace.read"));

    await setUserActive({ userId: member.user.id, active: false });
    expect(await getSession()).toBeNull();
    const created = await createWorkspaceAction({ name: "Sneaky" });
    expect(created.serverError?.code).toBe("UNAUTHORIZED");
    expect(await db.workspace.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("creates further workspaces for a signed-in user, with the slug checked", async () => {
    const { user } = await signedUpOwner("more");
    setSessionForTests(user.id);
    const created = await createWorkspaceAction({ name: "Second one", slug: "second-one" });
    expect(created.data).toEqual({ slug: "second-one" });
    const taken = await createWorkspaceAction({ name: "Third", slug: "second-one" });
    expect(taken.serverError?.fieldErrors?.slug?.[0]).toMatch(/already taken/);
    const reserved = await createWorkspaceAction({ name: "Fourth", slug: "new" });
    expect((reserved.validationErrors?.fieldErrors as Record<string, string[]>).slug?.[0]).toMatch(
      /reserved/,
    );
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(2);
  });
});

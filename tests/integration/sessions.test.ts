import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";

import { changePasswordAction } from "@/lib/actions/account";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/cookies";
import { getSession, setSessionForTests } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { authenticateWithPassword } from "@/lib/server/auth/authenticate-with-password";
import { createSession } from "@/lib/server/sessions/create-session";
import { endSessionBySecret, endSessionOfUser } from "@/lib/server/sessions/end-sessions";
import { listSessions } from "@/lib/server/sessions/list-sessions";
import { signOutEverywhere } from "@/lib/server/sessions/sign-out-everywhere";
import { changePassword, WRONG_CURRENT_PASSWORD } from "@/lib/server/users/change-password";
import { setUserActive } from "@/lib/server/users/set-user-active";

import { expectNotFound, signedUpOwner, TEST_PASSWORD } from "../support/identity-fixtures";

beforeEach(() => setSessionForTests(undefined));

async function openSession(userId: string) {
  const session = await createSession({
    userId,
    method: "password",
    maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
    userAgent: "vitest",
    ipAddress: "203.0.113.9",
  });
  return { ...session, claims: { userId, sessionSecret: session.secret } };
}

async function signedInAs(claims: { userId: string; sessionSecret: string }) {
  setSessionForTests(claims);
  return getSession();
}

describe("server-side sessions (issue 14, point 6)", () => {
  it("signing out ends the session record: the same cookie no longer signs anyone in", async () => {
    const { user, workspace } = await signedUpOwner("signout");
    const session = await openSession(user.id);
    expect(await signedInAs(session.claims)).toMatchObject({ user: { id: user.id } });
    await endSessionBySecret(session.secret);
    expect(await signedInAs(session.claims)).toBeNull();
    // The cookie's JWT is still valid and unexpired: only the record decides.
    setSessionForTests(session.claims);
    await expect(requireWorkspacePage(workspace.slug, "workspace.read")).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/sign-in/),
    });
  });

  it("a session ended by another process is refused on the very next request (no cache)", async () => {
    const { user } = await signedUpOwner("other-process");
    const session = await openSession(user.id);
    expect(await signedInAs(session.claims)).not.toBeNull();
    // Another app process: its own connection deletes the record.
    const other = new pg.Client({ connectionString: env().DATABASE_URL });
    await other.connect();
    await other.query(`DELETE FROM "Session" WHERE id = $1`, [session.id]);
    await other.end();
    expect(await signedInAs(session.claims)).toBeNull();
  });

  it("refuses an expired record and a secret that belongs to another user", async () => {
    const { user } = await signedUpOwner("expired");
    const stranger = await signedUpOwner("stranger");
    const session = await openSession(user.id);
    expect(
      await signedInAs({ userId: stranger.user.id, sessionSecret: session.secret }),
    ).toBeNull();
    await db.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await signedInAs(session.claims)).toBeNull();
  });

  it("changing the password ends the other sessions, keeps this one, and is audited", async () => {
    const { user, workspace } = await signedUpOwner("password-change");
    const here = await openSession(user.id);
    const laptop = await openSession(user.id);
    const phone = await openSession(user.id);
    const result = await changePassword({
      userId: user.id,
      currentSessionId: here.id,
      currentPassword: TEST_PASSWORD,
      newPassword: "granite meadow lantern",
      clientAddress: "203.0.113.9",
    });
    expect(result).toEqual({ endedSessions: 2 });
    expect(await signedInAs(here.claims)).not.toBeNull();
    expect(await signedInAs(laptop.claims)).toBeNull();
    expect(await signedInAs(phone.claims)).toBeNull();
    await expect(
      authenticateWithPassword({
        email: user.email,
        password: "granite meadow lantern",
        clientAddress: "203.0.113.9",
      }),
    ).resolves.toMatchObject({ id: user.id });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "auth.passwordChange" },
    });
    expect(audit.diff).toMatchObject({ endedSessions: 2 });
    expect(JSON.stringify(audit.diff)).not.toContain("granite");
    expect(
      await db.accountEvent.count({ where: { userId: user.id, action: "auth.passwordChange" } }),
    ).toBe(1);
  });

  it("refuses a wrong current password or a blocklisted new one, and changes nothing", async () => {
    const { user } = await signedUpOwner("password-refused");
    const here = await openSession(user.id);
    const other = await openSession(user.id);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await expect(
      changePassword({
        userId: user.id,
        currentSessionId: here.id,
        currentPassword: "not my password at all",
        newPassword: "granite meadow lantern",
      }),
    ).rejects.toMatchObject({ fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } });
    await expect(
      changePassword({
        userId: user.id,
        currentSessionId: here.id,
        currentPassword: TEST_PASSWORD,
        newPassword: "1qaz2wsx3edc4rfv",
      }),
    ).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/breached/)] } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await signedInAs(other.claims)).not.toBeNull();
  });

  it("the password change action validates its input before anything else", async () => {
    const { user } = await signedUpOwner("password-action");
    setSessionForTests((await openSession(user.id)).claims);
    const short = await changePasswordAction({
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(short.validationErrors?.fieldErrors).toMatchObject({
      newPassword: [expect.stringMatching(/at least 15/)],
    });
    setSessionForTests(null);
    const anonymous = await changePasswordAction({
      currentPassword: TEST_PASSWORD,
      newPassword: "granite meadow lantern",
    });
    expect(anonymous.serverError?.code).toBe("UNAUTHORIZED");
  });

  it("signing out everywhere ends every session, this one included", async () => {
    const { user, workspace } = await signedUpOwner("everywhere");
    const a = await openSession(user.id);
    const b = await openSession(user.id);
    await expect(signOutEverywhere({ user })).resolves.toEqual({ endedSessions: 2 });
    expect(await signedInAs(a.claims)).toBeNull();
    expect(await signedInAs(b.claims)).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { workspaceId: workspace.id, action: "auth.signOutEverywhere" },
      }),
    ).toBe(1);
  });

  it("deactivation ends every session at once; reactivation does not revive them", async () => {
    const { user } = await signedUpOwner("deactivate");
    const session = await openSession(user.id);
    await setUserActive({ userId: user.id, active: false });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await setUserActive({ userId: user.id, active: true });
    expect(await signedInAs(session.claims)).toBeNull();
  });

  it("a user ends one of their own other sessions, never another user's", async () => {
    const { user } = await signedUpOwner("own-session");
    const stranger = await signedUpOwner("their-session");
    const mine = await openSession(user.id);
    const theirs = await openSession(stranger.user.id);
    expect(await endSessionOfUser({ user, sessionId: theirs.id })).toBe(false);
    expect(await signedInAs(theirs.claims)).not.toBeNull();
    expect(await endSessionOfUser({ user, sessionId: mine.id })).toBe(true);
    expect(await signedInAs(mine.claims)).toBeNull();
    expect((await listSessions(stranger.user.id)).map((s) => s.id)).toContain(theirs.id);
  });

  it("the session check is part of the workspace resolution: a non-member still gets 404", async () => {
    const { workspace } = await signedUpOwner("resolution");
    const stranger = await signedUpOwner("resolution-stranger");
    const session = await openSession(stranger.user.id);
    setSessionForTests(session.claims);
    await expectNotFound(() => requireWorkspacePage(workspace.slug, "workspace.read"));
  });
});

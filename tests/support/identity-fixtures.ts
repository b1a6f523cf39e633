// Builders for identity tests: real services against the test database, unique data per call.
import { randomBytes } from "node:crypto";

import { expect } from "vitest";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { registerUser } from "@/lib/server/users/register-user";

export const TEST_PASSWORD = "correct horse battery 9";

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

/** A user who signed up, with the workspace sign-up created (they are its OWNER). */
export async function signedUpOwner(label: string, workspaceName = `${label} workspace`) {
  const { user, workspace } = await registerUser({
    name: `${label} owner`,
    email: uniqueEmail(label),
    password: TEST_PASSWORD,
    workspaceName,
  });
  return { user, workspace };
}

/** Adds a user with the given role to a workspace (test setup; the services are tested elsewhere). */
export async function memberWithRole(workspaceId: string, role: Role, label = role.toLowerCase()) {
  const user = await db.user.create({
    data: { email: uniqueEmail(label), name: `${label} member`, passwordHash: null },
  });
  const membership = await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { user, membership };
}

/** Asserts that a call ended in Next's notFound() (the 404 page). */
export async function expectNotFound(run: () => Promise<unknown>) {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "expected notFound()").toBeDefined();
  expect(String((error as { digest?: string }).digest)).toMatch(/NEXT_HTTP_ERROR_FALLBACK;404/);
}

/** Asserts that a call ended in Next's forbidden() (the 403 page: a member without the permission). */
export async function expectForbidden(run: () => Promise<unknown>) {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "expected forbidden()").toBeDefined();
  expect(String((error as { digest?: string }).digest)).toMatch(/NEXT_HTTP_ERROR_FALLBACK;403/);
}

/** Asserts that a call ended in a redirect to a path starting with `prefix`. */
export async function expectRedirect(run: () => Promise<unknown>, prefix: string) {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "expected redirect()").toBeDefined();
  const digest = String((error as { digest?: string }).digest);
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  expect(digest.split(";")[2]).toMatch(new RegExp(`^${prefix.replace(/[?]/g, "\\?")}`));
}

/** Every table row of a workspace that identity code may change, for "nothing changed" checks. */
export async function workspaceSnapshot(workspaceId: string) {
  const [workspace, memberships, invitations, tokens, auditEvents] = await Promise.all([
    db.workspace.findUnique({ where: { id: workspaceId } }),
    db.membership.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.apiToken.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  return { workspace, memberships, invitations, tokens, auditEvents };
}

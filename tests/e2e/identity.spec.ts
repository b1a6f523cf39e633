import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";

// The whole identity journey in real browsers: one context per person, unique data per run.
test("sign up, create a workspace, invite, accept with a limited role, remove, refused", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString("hex");
  const ownerEmail = `owner-${run}@example.test`;
  const viewerEmail = `viewer-${run}@example.test`;
  // Words only: no digit or symbol is required (NIST SP 800-63B; issue 14, point 9).
  const password = "violet tractor mellow harbour";

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();

  // Sign up: the password rules are visible before typing.
  await visit(owner, "/sign-up");
  await expect(owner.getByText(/At least 15 characters/)).toBeVisible();
  await owner.getByLabel("Your name").fill("Olivia Owner");
  await owner.getByLabel("E-mail address").fill(ownerEmail);
  await owner.locator('input[name="password"]').fill("short");
  await owner.getByRole("button", { name: "Create account and workspace" }).click();
  await expect(owner.getByText("Use at least 15 characters.")).toBeVisible();
  await expectAccessible(owner);
  await owner.locator('input[name="password"]').fill(password);
  await owner.getByLabel("Workspace name").fill(`Olivia HQ ${run}`);
  await owner.getByRole("button", { name: "Create account and workspace" }).click();
  await owner.waitForURL(/\/w\/olivia-hq-/);
  await expect(owner.getByRole("heading", { level: 1, name: `Olivia HQ ${run}` })).toBeVisible();
  await expectAccessible(owner);

  // Create a second workspace for the team.
  await visit(owner, "/w/new");
  await owner.getByLabel("Workspace name").fill(`Team ${run}`);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await owner.waitForURL(new RegExp(`/w/team-${run}$`));
  const slug = `team-${run}`;
  await expect(owner.getByRole("heading", { level: 1, name: `Team ${run}` })).toBeVisible();
  await expectAccessible(owner);

  // Invite a viewer; the single-use link is shown to copy.
  await visit(owner, `/w/${slug}/settings/members`);
  await owner.getByLabel("E-mail address").fill(viewerEmail);
  await owner.locator("#invite-role").selectOption("VIEWER");
  await owner.getByRole("button", { name: "Invite" }).click();
  const linkField = owner.getByLabel("Invitation link");
  await expect(linkField).toBeVisible();
  await expectAccessible(owner);
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  const invitePath = new URL(link).pathname;

  // The invitee accepts in their own browser, signing up on the way.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await visit(viewer, invitePath);
  await expect(viewer.getByRole("heading", { level: 1, name: `Join Team ${run}` })).toBeVisible();
  await viewer.getByLabel("Your name").fill("Victor Viewer");
  await viewer.getByLabel("Choose a password").fill(password);
  await viewer.getByRole("button", { name: "Create account and join" }).click();
  await viewer.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(viewer.getByRole("heading", { level: 1, name: `Team ${run}` })).toBeVisible();
  await expectAccessible(viewer);

  // A VIEWER sees no audit log and cannot invite; pages their role does not allow answer with
  // the 403 page (they are a member, so the workspace's existence is no secret to them).
  await expect(viewer.locator('[data-nav-key="audit"]')).toHaveCount(0);
  await visit(viewer, `/w/${slug}/settings/members`);
  await expect(viewer.getByRole("heading", { name: "Invite a member" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  for (const path of [`/w/${slug}/settings/jobs`, `/w/${slug}/audit`]) {
    const refusedPage = await visit(viewer, path);
    expect(refusedPage?.status()).toBe(403);
    await expect(
      viewer.getByRole("heading", { level: 1, name: "Your role does not allow this page" }),
    ).toBeVisible();
    await expect(viewer.getByRole("link", { name: "Back to your workspaces" })).toBeVisible();
  }
  // The invitation link works once.
  await visit(viewer, invitePath);
  await expect(viewer.getByText(/already been used/)).toBeVisible();

  // The owner sees the audit trail and removes the viewer after confirming.
  await visit(owner, `/w/${slug}/audit`);
  await expect(owner.getByText("The audit chain verifies")).toBeVisible();
  await expect(owner.getByRole("cell", { name: "invitation.accept" })).toBeVisible();
  await visit(owner, `/w/${slug}/settings/members`);
  const row = owner.getByRole("row", { name: /Victor Viewer/ });
  await row.getByRole("button", { name: /Remove/ }).click();
  const dialog = owner.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expectAccessible(owner);
  await dialog.getByRole("button", { name: "Remove member" }).click();
  // While the modal dialog is open the page behind it is hidden from the accessibility tree, so
  // the row "disappears" at once; the dialog closes only when the removal has been saved.
  await expect(dialog).toBeHidden();
  await expect(owner.getByRole("row", { name: /Victor Viewer/ })).toHaveCount(0);

  // The viewer's next request is refused: the workspace no longer exists for them.
  const refused = await visit(viewer, `/w/${slug}`);
  expect(refused?.status()).toBe(404);
  await expect(viewer.getByText(`Team ${run}`)).toHaveCount(0);

  // Anonymous visitors are sent to sign in.
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  await visit(anonymous, `/w/${slug}`);
  await expect(anonymous).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(anonymous.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await Promise.all([ownerContext.close(), viewerContext.close(), anonymousContext.close()]);
});

test("sign-in refuses a wrong password without saying whether the account exists", async ({
  page,
}) => {
  await visit(page, "/sign-in");
  await page
    .getByLabel("E-mail address")
    .fill(`nobody-${randomBytes(3).toString("hex")}@example.test`);
  await page.getByLabel("Password").fill("wrong password 1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The e-mail address or password is not correct.")).toBeVisible();
  await expectAccessible(page);
});

test("the API answers 401 without a token and serves the OpenAPI document", async ({ request }) => {
  const response = await request.get("/api/v1/workspace");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("UNAUTHORIZED");
  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).paths["/api/v1/workspace"]).toBeDefined();
});

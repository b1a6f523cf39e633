import { randomBytes } from "node:crypto";

import { type Browser, expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// Single sign-on end to end in Chromium against a real OpenID provider (oidc-provider, started by
// tests/e2e/serve.ts; see tests/e2e/support/oidc-provider.ts for how the login typed at the
// provider decides the claims). Issue 14, point 1.

/** Signs in at the test provider with `login`; consents when the provider asks. */
async function atProvider(page: Page, login: string) {
  const appOrigin = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1").origin;
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // A first grant for this client asks for consent; a remembered one goes straight back.
  const consent = page.getByRole("button", { name: "Continue" });
  await expect
    .poll(async () => page.url().startsWith(appOrigin) || (await consent.isVisible()))
    .toBe(true);
  if (!page.url().startsWith(appOrigin)) await consent.click();
}

async function ssoFromSignIn(browser: Browser, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, "/sign-in");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  await page.locator('input[name="login"]').waitFor();
  await atProvider(page, login);
  return { context, page };
}

test("a first single sign-on creates the account; a returning user signs in as the same account", async ({
  browser,
}) => {
  const email = `sso-new-${randomBytes(3).toString("hex")}@example.test`;
  const first = await ssoFromSignIn(browser, email);
  await first.page.waitForURL(/\/w$/);
  await expect(
    first.page.getByRole("heading", { level: 1, name: "Your workspaces" }),
  ).toBeVisible();
  await expect(first.page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await expectAccessible(first.page);
  await visit(first.page, "/account");
  await expect(
    first.page.getByText("Your account signs in with single sign-on only"),
  ).toBeVisible();
  await expect(first.page.getByText(/Test SSO: linked/)).toBeVisible();
  await first.context.close();

  const again = await ssoFromSignIn(browser, email);
  await again.page.waitForURL(/\/w$/);
  await expect(again.page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await visit(again.page, "/account");
  // Two sessions of the same account now: the first browser's and this one.
  await expect(again.page.getByRole("region", { name: "Sessions" }).getByRole("row")).toHaveCount(
    3,
  );
  await again.context.close();
});

for (const [label, prefix] of [
  ["false", "unverified:"],
  ["missing", "noclaim:"],
] as const) {
  test(`email_verified ${label}: no account is created and the user is told why`, async ({
    browser,
  }) => {
    const email = `sso-${label}-${randomBytes(3).toString("hex")}@example.test`;
    const { context, page } = await ssoFromSignIn(browser, `${prefix}${email}`);
    await page.waitForURL(/\/sign-in\?error=sso-unverified/);
    await expect(
      page.getByText(/did not confirm that it verified your e-mail address/),
    ).toBeVisible();
    await expectAccessible(page);
    // Not signed in.
    await page.goto("/w");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await context.close();
  });
}

test("an e-mail of a password account is never linked at sign-in; its owner links it from the account page", async ({
  browser,
}) => {
  const run = randomBytes(3).toString("hex");
  const email = `sso-owner-${run}@example.test`;
  const password = uniquePassword();

  // The password account exists first.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await visit(owner, "/sign-up");
  await owner.getByLabel("Your name").fill("Petra Password");
  await owner.getByLabel("E-mail address").fill(email);
  await owner.locator('input[name="password"]').fill(password);
  await owner.getByLabel("Workspace name").fill(`Petra ${run}`);
  await owner.getByRole("button", { name: "Create account and workspace" }).click();
  await owner.waitForURL(/\/w\/petra-/);

  // Someone signs in at the provider with that e-mail (verified there): refused, nothing linked.
  const intruder = await ssoFromSignIn(browser, email);
  await intruder.page.waitForURL(/\/sign-in\?error=sso-link-required/);
  await expect(intruder.page.getByText(/link single sign-on from your account page/)).toBeVisible();
  await intruder.page.goto("/w");
  await expect(intruder.page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await intruder.context.close();

  // The owner, signed in with the password, links the identity from the account page.
  await visit(owner, "/account");
  await expect(owner.getByText("No single sign-on identity is linked yet.")).toBeVisible();
  await owner.getByRole("button", { name: "Link Test SSO" }).click();
  await owner.locator('input[name="login"]').waitFor();
  await atProvider(owner, email);
  await owner.waitForURL(/\/account\?sso=linked/);
  await expect(owner.getByText("Single sign-on is now linked to your account.")).toBeVisible();
  await expect(owner.getByText("Single sign-on linked")).toBeVisible();
  await expectAccessible(owner);

  // From now on that identity signs in to the owner's account.
  const later = await ssoFromSignIn(browser, email);
  await later.page.waitForURL(/\/w\/petra-/);
  await expect(later.page.getByRole("heading", { level: 1, name: `Petra ${run}` })).toBeVisible();
  await later.context.close();
  await ownerContext.close();
});

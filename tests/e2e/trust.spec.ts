import { randomBytes } from "node:crypto";

import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// Issue 14 from the outside: sessions (point 6), redirects (3), member deactivation and workspace
// deletion in the UI (8), and the sign-in throttle against a forged X-Forwarded-For (4).

type Account = { email: string; password: string; slug: string; name: string };

async function signUp(
  browser: Browser,
  label: string,
): Promise<{ context: BrowserContext; page: Page; account: Account }> {
  const run = randomBytes(3).toString("hex");
  const account = {
    email: `${label}-${run}@example.test`,
    password: uniquePassword(),
    name: `${label} ${run}`,
    slug: "",
  };
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`${label} person`);
  await page.getByLabel("E-mail address").fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByLabel("Workspace name").fill(account.name);
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await page.waitForURL(/\/w\/[a-z0-9-]+$/);
  account.slug = new URL(page.url()).pathname.split("/")[2] ?? "";
  return { context, page, account };
}

async function signIn(browser: Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, "/sign-in");
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w(\/|$)/);
  return { context, page };
}

/** Whether a browser holding these cookies is still signed in. */
async function stillSignedIn(page: Page, slug: string) {
  await page.goto(`/w/${slug}`);
  return !/\/sign-in/.test(page.url());
}

test("signing out ends the session on the server: a copy of the old cookie no longer works", async ({
  browser,
}) => {
  const { context, page, account } = await signUp(browser, "signout");
  const cookies = await context.cookies();
  await visit(page, "/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  // Someone who had copied the cookie before.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  expect(await stillSignedIn(await thief.newPage(), account.slug)).toBe(false);
  await Promise.all([context.close(), thief.close()]);
});

test("the account page: password change signs out other sessions; sign out everywhere ends all", async ({
  browser,
}) => {
  const first = await signUp(browser, "account");
  const second = await signIn(browser, first.account);

  await visit(first.page, "/account");
  await expect(first.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(first.page.getByRole("region", { name: "Sessions" }).getByRole("row")).toHaveCount(
    3,
  );
  const newPassword = uniquePassword();
  await first.page.getByLabel("Current password").fill(first.account.password);
  await first.page.getByLabel("New password").fill(newPassword);
  await first.page.getByRole("button", { name: "Change password" }).click();
  await expect(first.page.getByText(/1 other session was signed out/)).toBeVisible();
  await expectAccessible(first.page);
  expect(await stillSignedIn(second.page, first.account.slug)).toBe(false);
  expect(await stillSignedIn(first.page, first.account.slug)).toBe(true);

  // With the new password, a second browser again; then "sign out everywhere" from the first,
  // by keyboard alone.
  const third = await signIn(browser, { ...first.account, password: newPassword });
  await visit(first.page, "/account");
  await first.page.getByRole("button", { name: "Sign out everywhere" }).focus();
  await first.page.keyboard.press("Enter");
  const dialog = first.page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expectAccessible(first.page);
  await dialog.getByRole("button", { name: "Sign out everywhere" }).focus();
  await first.page.keyboard.press("Enter");
  await first.page.waitForURL(/\/sign-in/);
  expect(await stillSignedIn(third.page, first.account.slug)).toBe(false);
  await Promise.all([first.context.close(), second.context.close(), third.context.close()]);
});

test("a signed-in visitor's callbackUrl with a tab or a line break goes to /w, not elsewhere", async ({
  browser,
}) => {
  const { context, page } = await signUp(browser, "callback");
  for (const callbackUrl of ["/\t/evil.example", "/\r\n/evil.example", "//evil.example"]) {
    const response = await page.request.get(
      `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      {
        maxRedirects: 0,
      },
    );
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe("/w");
  }
  await context.close();
});

test("owners deactivate and reactivate a member from the members page, by keyboard", async ({
  browser,
}) => {
  const owner = await signUp(browser, "deactivating");
  const memberEmail = `member-${randomBytes(3).toString("hex")}@example.test`;
  await visit(owner.page, `/w/${owner.account.slug}/settings/members`);
  await owner.page.getByLabel("E-mail address").fill(memberEmail);
  await owner.page.locator("#invite-role").selectOption("EDITOR");
  await owner.page.getByRole("button", { name: "Invite" }).click();
  const link = await owner.page.getByLabel("Invitation link").inputValue();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(new URL(link).pathname);
  await member.getByLabel("Your name").fill("Mia Member");
  await member.getByLabel("Choose a password").fill(uniquePassword());
  await member.getByRole("button", { name: "Create account and join" }).click();
  await member.waitForURL(new RegExp(`/w/${owner.account.slug}$`));

  await visit(owner.page, `/w/${owner.account.slug}/settings/members`);
  const row = owner.page.getByRole("row", { name: /Mia Member/ });
  await row.getByRole("button", { name: /Deactivate/ }).focus();
  await owner.page.keyboard.press("Enter");
  const dialog = owner.page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expectAccessible(owner.page);
  await dialog.getByRole("button", { name: "Deactivate member" }).focus();
  await owner.page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(row.getByText("Deactivated")).toBeVisible();
  await expectAccessible(owner.page);
  // Their only workspace: signed out at once.
  expect(await stillSignedIn(member, owner.account.slug)).toBe(false);

  await row.getByRole("button", { name: /Reactivate/ }).click();
  await owner.page
    .getByRole("alertdialog")
    .getByRole("button", { name: "Reactivate member" })
    .click();
  await expect(row.getByText("Deactivated")).toHaveCount(0);
  await Promise.all([owner.context.close(), memberContext.close()]);
});

test("the owner deletes a workspace after typing its URL name", async ({ browser }) => {
  const { context, page, account } = await signUp(browser, "deleting");
  await visit(page, `/w/${account.slug}/settings`);
  await expect(page.getByRole("heading", { name: "Delete this workspace" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Exports page" })).toBeVisible();
  await page.getByLabel(`Type ${account.slug} to confirm`).fill("something else");
  await page.getByLabel("We do not need a final evidence bundle.").check();
  await page.getByRole("button", { name: "Delete this workspace" }).click();
  await expect(
    page.getByText(`Type the workspace's URL name, ${account.slug}, to confirm.`).first(),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(`Type ${account.slug} to confirm`).fill(account.slug);
  await page.getByRole("button", { name: "Delete this workspace" }).click();
  await page.waitForURL(/\/w\?deleted=/);
  await expect(page.getByText(`The workspace ${account.slug} was deleted.`)).toBeVisible();
  await expectAccessible(page);
  const gone = await page.goto(`/w/${account.slug}`);
  expect(gone?.status()).toBe(404);
  await context.close();
});

// Last in the run: it uses up the sign-in budget of 127.0.0.1 for 15 minutes.
test("rotating X-Forwarded-For does not escape the per-address sign-in limit", async ({ page }) => {
  test.setTimeout(120_000);
  await visit(page, "/sign-in");
  let refused = false;
  // 20 failures per address and window; one more round in case the last answer renders late.
  for (let i = 0; i < 25 && !refused; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${i + 1}` });
    await page
      .getByLabel("E-mail address")
      .fill(`spray-${i}-${randomBytes(2).toString("hex")}@example.test`);
    await page.getByLabel("Password").fill("wrong password here");
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    const answer = page.getByRole("alert").filter({ hasText: /not correct|Too many attempts/ });
    await expect(answer).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    refused = /Too many attempts/.test((await answer.textContent()) ?? "");
  }
  expect(refused).toBe(true);
});

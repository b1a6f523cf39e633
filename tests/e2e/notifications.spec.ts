import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";
import { readMailbox } from "./support/mailbox";

// Notifications in real browsers, one context per person: A assigns a duty to B; B's bell shows
// it, the inbox lists it, opening it goes to the duty and the count drops; B's assignment e-mail
// arrives in the test SMTP server (serve.ts) with its link and the settings link.
test("a duty assigned to B shows in B's bell and inbox, and reaches B by e-mail", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const run = randomBytes(3).toString("hex");
  const bEmail = `bea-${run}@example.test`;
  const bName = `Bea ${run}`;

  // A signs up with a workspace and invites B as an editor.
  const aContext = await browser.newContext();
  const a = await aContext.newPage();
  await visit(a, "/sign-up");
  await a.getByLabel("Your name").fill(`Abe ${run}`);
  await a.getByLabel("E-mail address").fill(`abe-${run}@example.test`);
  await a.locator('input[name="password"]').fill(uniquePassword());
  await a.getByLabel("Workspace name").fill(`Bell ${run}`);
  await a.getByRole("button", { name: /create account/i }).click();
  await a.waitForURL(/\/w\/[^/]+$/);
  const slug = new URL(a.url()).pathname.split("/")[2] as string;

  await visit(a, `/w/${slug}/settings/members`);
  await a.getByLabel("E-mail address").fill(bEmail);
  await a.locator("#invite-role").selectOption("EDITOR");
  await a.getByRole("button", { name: "Invite" }).click();
  const invitePath = new URL(await a.getByLabel("Invitation link").inputValue()).pathname;

  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  await visit(b, invitePath);
  await b.getByLabel("Your name").fill(bName);
  await b.getByLabel("Choose a password").fill(uniquePassword());
  await b.getByRole("button", { name: "Create account and join" }).click();
  await b.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(b.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();

  // A registers a system and gives its first duty to B.
  await visit(a, `/w/${slug}/systems/new`);
  await a.getByRole("textbox", { name: "Name", exact: true }).fill("Support bot");
  await a.getByRole("radio", { name: /Agentic AI/ }).check();
  await a.getByRole("button", { name: "Register system" }).click();
  await a.waitForURL(new RegExp(`/w/${slug}/systems/(?!new$)[a-z0-9]+$`));
  await expect(a.getByRole("heading", { level: 1, name: "Support bot" })).toBeVisible();
  const systemPath = new URL(a.url()).pathname;
  const firstDomain = a
    .getByRole("list", { name: "Security domains" })
    .getByRole("listitem")
    .first();
  await firstDomain.getByRole("button", { name: /^Edit/ }).first().click();
  const editor = firstDomain.getByRole("form");
  await editor.getByLabel("Owner").selectOption({ label: bName });
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(firstDomain.getByText(`Owner: ${bName}`).first()).toBeVisible();

  // B: the bell counts it; the inbox lists it as unread, in words.
  await visit(b, `/w/${slug}`);
  const bell = b.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.click();
  await b.waitForURL(new RegExp(`/w/${slug}/notifications$`));
  await expect(b.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const entry = b.getByTestId("notification-item").first();
  await expect(entry).toHaveAttribute("data-read", "false");
  await expect(entry.getByText("Unread", { exact: true })).toBeVisible();
  await expect(entry.getByRole("link")).toContainText("Assigned to you: Support bot");
  await expectAccessible(b);

  // Opening it (by keyboard) marks it read and goes to the duty; the count drops.
  await entry.getByRole("link").focus();
  await b.keyboard.press("Enter");
  // A client-side navigation: no "load" event to wait for.
  await expect(b).toHaveURL(new RegExp(`${systemPath}#domain-`));
  const domainKey = new URL(b.url()).hash.slice("#domain-".length);
  await expect(b.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
  await visit(b, `/w/${slug}/notifications`);
  await expect(b.getByTestId("notification-item").first()).toHaveAttribute("data-read", "true");

  // The assignment e-mail (B also got the invitation's): sent within seconds, since
  // recordNotifications asks for an early run of the e-mail job.
  const assignmentMails = async () =>
    (await readMailbox()).filter(
      (mail) => mail.to === bEmail && mail.subject.includes("Assigned to you"),
    );
  await expect.poll(async () => (await assignmentMails()).length, { timeout: 90_000 }).toBe(1);
  const [mail] = await assignmentMails();
  expect(mail!.subject).toBe(
    `[Bell ${run}] Assigned to you: Support bot · ${domainKey} (customer)`,
  );
  expect(mail!.text).toContain(`${systemPath}#domain-${domainKey}`);
  expect(mail!.text).toContain("/account#notifications");

  await aContext.close();
  await bContext.close();
});

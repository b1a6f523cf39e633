import { randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { visit } from "./support/a11y";

// The owner finds the workspace's failed background jobs under Settings; a new workspace has none.
test("the settings show the workspace's failed background jobs", async ({ page }) => {
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`Jobs tester ${id}`);
  await page.getByLabel("E-mail address").fill(`jobs-${id}@example.com`);
  await page.locator('input[name="password"]').fill(`correct horse battery ${id}`);
  await page.getByLabel("Workspace name").fill(`Jobs ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2] as string;

  await visit(page, `/w/${slug}/settings`);
  await page.getByRole("link", { name: "Background jobs" }).click();
  await page.waitForURL(`**/w/${slug}/settings/jobs`);
  await expect(page.getByText("Failed background jobs", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No failed jobs" })).toBeVisible();
  await visit(page, `/w/${slug}/settings/jobs`);
});

import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import { visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// The system and evidence forms run on react-hook-form (lib/forms/use-action-form.ts). These
// tests drive what the other specs do not: the fields' own errors (aria-invalid, the message next
// to the field), the system edit with its duty review, and evidence saved through the action
// (a link) rather than the upload route.
async function signUp(page: Page): Promise<string> {
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`Forms tester ${id}`);
  await page.getByLabel("E-mail address").fill(`forms-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Forms ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] as string;
}

test("system form: errors beside the fields, register, edit with a duty review", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const slug = await signUp(page);
  await visit(page, `/w/${slug}/systems/new`);
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  const tags = page.getByRole("textbox", { name: "Tags" });

  await page.getByRole("button", { name: "Register system" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a name.")).toBeVisible();

  await name.fill("Claims bot");
  await page.getByRole("radio", { name: /PaaS AI Models/ }).check();
  await tags.fill("pii, a;b");
  await page.getByRole("button", { name: "Register system" }).click();
  await expect(tags).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("must not contain commas or semicolons")).toBeVisible();
  await expect(name).not.toHaveAttribute("aria-invalid", "true");

  await tags.fill("pii, chat");
  await page.getByRole("button", { name: "Register system" }).click();
  await page.waitForURL(new RegExp(`/w/${slug}/systems/[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1, name: "Claims bot" })).toBeVisible();
  await expect(page.getByText("pii, chat")).toBeVisible();
  const systemUrl = page.url();

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByRole("radio", { name: /Agentic AI/ }).check();
  await page.getByRole("button", { name: "Review duty changes" }).click();
  await expect(page.getByText("Review how the duties change")).toBeVisible();
  await page.getByRole("button", { name: "Apply changes" }).click();
  await page.waitForURL(systemUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Claims bot" })).toBeVisible();
});

test("evidence form: field errors, then a link saved through the action", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = await signUp(page);
  await visit(page, `/w/${slug}/evidence`);
  await page.getByRole("button", { name: "Add evidence" }).click();
  const dialog = page.getByRole("dialog", { name: "Add evidence" });

  // A file is the default kind: without one the form says so next to the file field.
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await expect(dialog.locator('input[type="file"]')).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Choose a file.")).toBeVisible();

  await dialog.getByRole("radio", { name: "Link" }).check();
  const url = dialog.getByLabel("Address (URL)");
  await url.fill("ftp://files.example.com/policy");
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("must be an http:// or https:// address")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Title", exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  await url.fill("https://trust.example.com/ai-policy");
  await dialog.getByRole("textbox", { name: "Title", exact: true }).fill("AI policy page");
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await page.waitForURL(new RegExp(`/w/${slug}/evidence/[a-z0-9]+`));
  await expect(page.getByRole("heading", { level: 1, name: "AI policy page" })).toBeVisible();
});

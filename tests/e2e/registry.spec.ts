import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// The registry journey in a real browser: register a PaaS and an agentic system, see their
// domains and critical duties, assign owners in bulk, find risk acceptance behind a request,
// import 500 systems from CSV and find one with the filters. Own user and workspace per run.
async function signUp(page: Page): Promise<{ slug: string; name: string }> {
  const id = randomBytes(4).toString("hex");
  const name = `Registry tester ${id}`;
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(`reg-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Registry ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return { slug: new URL(page.url()).pathname.split("/")[2] as string, name };
}

async function register(page: Page, slug: string, input: { name: string; model: RegExp }) {
  await visit(page, `/w/${slug}/systems/new`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(input.name);
  await page.getByRole("radio", { name: input.model }).check();
  const preview = page
    .getByRole("region", { name: "Duties this system will get" })
    .or(page.locator("section[aria-labelledby='duty-preview-title']"));
  await expect(preview).toContainText("customer");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Register system" }).click();
  await page.waitForURL(new RegExp(`/w/${slug}/systems/[a-z0-9]+$`));
  await expect(page.getByRole("heading", { level: 1, name: input.name })).toBeVisible();
  await expectAccessible(page);
}

test("register, assign, request a risk acceptance, import 500 systems and find one", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { slug, name: ownerName } = await signUp(page);

  await visit(page, `/w/${slug}/systems`);
  await expect(page.getByRole("heading", { name: "No AI systems yet" })).toBeVisible();

  // A PaaS system: the preview names no critical domain; the view lists the 16 domains.
  await visit(page, `/w/${slug}/systems/new`);
  await page.getByRole("radio", { name: /PaaS AI Models/ }).check();
  await expect(page.getByText("None of these domains is marked critical")).toBeVisible();
  await register(page, slug, { name: "Policy assistant", model: /PaaS AI Models/ });
  await expect(page.getByText(/16 domains:/)).toBeVisible();
  await expect(
    page
      .getByRole("list", { name: "Security domains" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3 }) }),
  ).toHaveCount(16);

  // An agentic system: agent governance is critical, shown in the preview and first in the view.
  await visit(page, `/w/${slug}/systems/new`);
  await page.getByRole("radio", { name: /Agentic AI/ }).check();
  await expect(page.getByText(/critical domain/)).toBeVisible();
  await register(page, slug, { name: "Refund agent", model: /Agentic AI/ });
  const firstDomain = page
    .getByRole("list", { name: "Security domains" })
    .getByRole("listitem")
    .first();
  await expect(firstDomain.getByRole("heading", { level: 3 })).toContainText("Agent Governance");
  await expect(firstDomain.getByText("Critical")).toBeVisible();

  // Bulk: one owner for all customer duties of this system.
  await page.getByLabel("Owner of all your duties").selectOption({ label: ownerName });
  await page.getByRole("button", { name: "Assign to all customer duties" }).click();
  await expect(page.getByText(/\d+ duties assigned\./)).toBeVisible();
  await expect(firstDomain.getByText(`Owner: ${ownerName}`).first()).toBeVisible();
  await expectAccessible(page);

  // Risk acceptance is no status an edit can pick: it is a request to another admin or owner
  // (tests/e2e/approvals.spec.ts follows one through). Alone in the workspace, nobody can approve.
  await firstDomain.getByRole("button", { name: /^Edit/ }).first().click();
  const editor = firstDomain.getByRole("form");
  await expect(
    editor.getByLabel("Status").locator("option", { hasText: "Risk accepted" }),
  ).toHaveCount(0);
  await editor.getByRole("button", { name: "Cancel" }).click();
  await firstDomain
    .getByRole("button", { name: /^Request an exception/ })
    .first()
    .click();
  const request = firstDomain.getByRole("form", { name: /^Request an exception/ });
  await request
    .getByLabel("Justification")
    .fill("Tool calls are limited to read-only until the pilot ends.");
  await request.getByRole("button", { name: "Send request" }).click();
  await expect(request.locator("[id$=-approver-error]")).toContainText("Choose who approves.");
  await expectAccessible(page);
  await request.getByRole("button", { name: "Cancel" }).click();

  // Bulk from the duty list: select the page, assign an owner.
  await visit(page, `/w/${slug}/duties?owner=none`);
  await expect(page.getByRole("heading", { level: 1, name: "Duties" })).toBeVisible();
  await page.getByLabel("Select all duties on this page").check();
  const bulk = page.getByRole("group", { name: "Bulk actions" });
  await bulk.getByLabel("Owner").selectOption({ label: ownerName });
  await bulk.getByRole("button", { name: "Assign owner" }).click();
  await expect(page.getByText(/\d+ duties assigned\./)).toBeVisible();
  await visit(page, `/w/${slug}/my-duties`);
  const mine = page.getByRole("table", { name: "My duties" });
  await expect(mine.getByRole("rowheader", { name: "Policy assistant" }).first()).toBeVisible();
  await expect(mine.getByText("No due date").first()).toBeVisible();

  // The lists' former addresses still lead to them, permanently and with the query string.
  for (const [old, now] of [
    [`/w/${slug}/responsibilities?owner=none`, `/w/${slug}/duties?owner=none`],
    [`/w/${slug}/my?show=all`, `/w/${slug}/my-duties?show=all`],
  ] as const) {
    const moved = await page.request.get(old, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers().location).toBe(now);
  }
  await page.goto(`/w/${slug}/my?show=all`);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/my-duties\\?show=all$`));
  await expect(page.getByRole("heading", { level: 1, name: "My duties" })).toBeVisible();

  // Import 500 systems from CSV.
  const rows = Array.from(
    { length: 500 },
    (_, i) =>
      `Imported ${String(i).padStart(3, "0")},${i % 2 ? "paas_ai" : "mcp_systems"},${i % 4 === 1 ? "CRITICAL" : "LOW"},PRODUCTION`,
  );
  const csv = ["name,primary_model,risk_tier,lifecycle", ...rows].join("\n");
  await visit(page, `/w/${slug}/systems/import`);
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "systems.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByText("500 systems imported")).toBeVisible({ timeout: 90_000 });
  await expectAccessible(page);

  // Find one with the filters.
  await visit(page, `/w/${slug}/systems`);
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Search").fill("Imported 421");
  await filters.getByLabel("Risk tier").selectOption("CRITICAL");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/q=Imported\+421/);
  const table = page.getByRole("region", { name: "AI systems" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("link", { name: "Imported 421" })).toBeVisible();
  await expectAccessible(page);
  await table.getByRole("link", { name: "Imported 421" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imported 421" })).toBeVisible();
  await expectAccessible(page);

  // My duties comes in pages of 50: own another page of duties, then page on.
  await visit(page, `/w/${slug}/duties?owner=none`);
  await page.getByLabel("Select all duties on this page").check();
  await bulk.getByLabel("Owner").selectOption({ label: ownerName });
  await bulk.getByRole("button", { name: "Assign owner" }).click();
  await expect(page.getByText("50 duties assigned.")).toBeVisible();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My duties" })
    .click();
  await page.waitForURL(new RegExp(`/w/${slug}/my-duties$`));
  await expect(mine.getByRole("row")).toHaveCount(51);
  await expect(page.getByText(/Page 1 of \d/)).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await page.waitForURL(/\/my-duties\?page=2$/);
  await expect(page.getByText(/Page 2 of \d/)).toBeVisible();
  await expectAccessible(page);
});

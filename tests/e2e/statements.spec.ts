import { randomBytes } from "node:crypto";

import { type Browser, expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// Two workspaces in two browser sessions: a provider publishes a responsibility statement for
// its product; a customer imports it (the JSON downloaded from the public link) for that vendor.
// The customer's provider-side coverage rises by the duties the statement's attestation backs,
// a conflicting cell appears for review, and when the attestation lapses (version 2 of the
// statement says it ended yesterday) coverage falls again. (The integration tests also let an
// imported attestation expire on its own: tests/integration/provider-statements.test.ts.)

async function signUp(browser: Browser, label: string): Promise<{ page: Page; slug: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`${label} ${id}`);
  await page.getByLabel("E-mail address").fill(`${label.toLowerCase()}-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`${label} ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return { page, slug: new URL(page.url()).pathname.split("/")[2] as string };
}

/** A vendor and one SaaS system of it, through the REST API with a token made in the UI. */
async function customerRegistry(page: Page, slug: string) {
  await visit(page, `/w/${slug}/settings/tokens`);
  await page.getByLabel("Name").fill("e2e registry");
  await page.getByLabel("Role").selectOption("ADMIN");
  await page.getByRole("button", { name: "Create token" }).click();
  const headers = { authorization: `Bearer ${await page.locator("#token-secret").inputValue()}` };
  const vendorName = `Acme AI ${randomBytes(3).toString("hex")}`;
  const vendor = await page.request.post("/api/v1/vendors", {
    headers,
    data: { name: vendorName },
  });
  expect(vendor.status(), await vendor.text()).toBe(201);
  const csv = [
    "name,primary_model,variant,vendor,lifecycle",
    `Support chatbot,saas_ai,public_saas,${vendorName},PRODUCTION`,
  ].join("\n");
  const imported = await page.request.post("/api/v1/systems/import", { headers, data: { csv } });
  expect(imported.status(), await imported.text()).toBe(201);
  const list = (await (await page.request.get("/api/v1/systems", { headers })).json()) as {
    systems: { id: string; name: string }[];
  };
  return {
    vendorId: ((await vendor.json()) as { id: string }).id,
    systemId: list.systems.find((s) => s.name === "Support chatbot")!.id,
  };
}

/** "(N of M parts)" on a system's page: the number of covered parts. */
async function coveredParts(page: Page, slug: string, systemId: string): Promise<number> {
  await visit(page, `/w/${slug}/systems/${systemId}`);
  const text = (await page.getByTestId("system-coverage-value").textContent()) ?? "";
  const match = /\((\d+) of (\d+) parts\)/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]);
}

async function importFromLink(page: Page, slug: string, vendorId: string, json: string) {
  await visit(page, `/w/${slug}/vendors/${vendorId}`);
  await page.locator("#statement-file").setInputFiles({
    name: "statement.json",
    mimeType: "application/json",
    buffer: Buffer.from(json),
  });
  await expect(page.locator("#statement-text")).not.toHaveValue("");
  await page.getByRole("button", { name: "Import statement" }).click();
  await expect(page.getByTestId("import-result")).toBeVisible();
}

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

test("a provider publishes a statement; a customer imports it and its coverage follows", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const provider = await signUp(browser, "Provider");
  const customer = await signUp(browser, "Customer");
  const { vendorId, systemId } = await customerRegistry(customer.page, customer.slug);

  // 1. The provider creates and publishes a statement for its product.
  const p = provider.page;
  await visit(p, `/w/${provider.slug}/statements`);
  await p.getByLabel("Product name").fill("Acme Chat");
  await p.getByLabel(/Provider name/).fill("Acme AI");
  await p
    .getByLabel("Framework")
    .selectOption({ label: "AI Security Shared Responsibility Model 1.1.0" });
  await p.getByRole("button", { name: "Create statement" }).click();
  await p.waitForURL(/\/statements\/[^/]+$/);
  await p.locator('input[type="checkbox"][value="saas_ai"]').check();
  await p.locator('select[name="positions.model_security"]').selectOption("provider");
  await p.locator('select[name="positions.data_privacy"]').selectOption("shared");
  // The matrix leaves user access to the customer on SaaS: a cell to review.
  await p.locator('select[name="positions.user_access_control"]').selectOption("provider");
  await p.getByRole("button", { name: "Add an attestation" }).click();
  await p.locator('input[name="attestations.0.title"]').fill("SOC 2 Type II");
  await p.locator('input[name="attestations.0.validUntil"]').fill("2099-12-31");
  await p.locator('input[name="attestations.0.sha256"]').fill("ab".repeat(32));
  await p.getByRole("button", { name: "Save draft" }).click();
  await expect(p.getByText("Draft saved.")).toBeVisible();
  await p.getByRole("button", { name: "Publish new version" }).click();
  await expect(p.getByText(/Version 1 is published at/)).toBeVisible();
  await expectAccessible(p);
  const sharePath = (await p.getByTestId("share-link").getAttribute("href"))!;

  // 2. Anyone with the link (here: a browser without a session) sees the statement only.
  const anonymous = await (await browser.newContext()).newPage();
  await visit(anonymous, sharePath);
  await expect(anonymous.getByRole("heading", { name: "Acme Chat" })).toBeVisible();
  await expect(anonymous.getByText(provider.slug)).toHaveCount(0);
  const v1 = await anonymous.request.get(`${sharePath}/statement.json`);
  expect(v1.status()).toBe(200);
  const v1Text = await v1.text();
  expect(v1Text).not.toContain(provider.slug);

  // 3. The customer imports it for its vendor: coverage rises by the two provider duties the
  //    attestation backs (model security, data privacy); user access is listed for review.
  const c = customer.page;
  const before = await coveredParts(c, customer.slug, systemId);
  await importFromLink(c, customer.slug, vendorId, v1Text);
  await expect(c.getByTestId("import-result")).toContainText("2 provider duties");
  const review = c.locator('[data-testid="review-item"][data-domain="user_access_control"]');
  await expect(review).toContainText("Open");
  await review.getByRole("button", { name: "Acknowledge" }).click();
  await expect(review).toContainText("Acknowledged");
  await expectAccessible(c);
  expect(await coveredParts(c, customer.slug, systemId)).toBe(before + 2);

  // 4. The attestation lapses: version 2 says it ended yesterday. Imported, coverage falls back,
  //    and the vendor page says what changed.
  await visit(p, new URL(p.url()).pathname);
  await p.locator('input[name="attestations.0.validUntil"]').fill(yesterday());
  await p.getByRole("button", { name: "Save draft" }).click();
  await expect(p.getByText("Draft saved.")).toBeVisible();
  await p.getByRole("button", { name: "Publish new version" }).click();
  await expect(p.getByText(/Version 2 is published at/)).toBeVisible();
  const v2Text = await (await anonymous.request.get(`${sharePath}/statement.json`)).text();
  await importFromLink(c, customer.slug, vendorId, v2Text);
  await expect(c.getByTestId("statement-diff")).toContainText("SOC 2 Type II (validUntil)");
  expect(await coveredParts(c, customer.slug, systemId)).toBe(before);

  // 5. Importing the same version again is refused with the problem named.
  await visit(c, `/w/${customer.slug}/vendors/${vendorId}`);
  await c.locator("#statement-text").fill(v2Text);
  await c.getByRole("button", { name: "Import statement" }).click();
  await expect(c.getByTestId("import-problems")).toContainText("is not newer than version 2");

  // 6. Revoked: the link answers 404.
  await visit(p, new URL(p.url()).pathname);
  await p.getByRole("button", { name: "Revoke" }).click();
  await p.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(p.getByText("Revoked", { exact: true })).toBeVisible();
  expect((await anonymous.request.get(`${sharePath}/statement.json`)).status()).toBe(404);
  expect((await anonymous.request.get(sharePath)).status()).toBe(404);
});

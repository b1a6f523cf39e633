import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";

import { expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// The demo user's password is random and printed only at first start, so, like the other specs,
// this one signs up its own user and workspace through the app. The registry (a vendor, two SaaS
// systems of that vendor) is set up through the REST API with a token made in the settings UI;
// everything about evidence then happens in the browser.
async function signUp(page: Page): Promise<string> {
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`Evidence tester ${id}`);
  await page.getByLabel("E-mail address").fill(`evidence-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Evidence ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] as string;
}

type Registry = { vendor: { id: string; name: string }; systems: { id: string; name: string }[] };

async function createRegistry(page: Page, slug: string): Promise<Registry> {
  await visit(page, `/w/${slug}/settings/tokens`);
  await page.getByLabel("Name").fill("e2e registry");
  await page.getByLabel("Role").selectOption("ADMIN");
  await page.getByRole("button", { name: "Create token" }).click();
  const headers = { authorization: `Bearer ${await page.locator("#token-secret").inputValue()}` };
  const vendorName = `Acme Models ${randomBytes(3).toString("hex")}`;
  const vendor = await page.request.post("/api/v1/vendors", {
    headers,
    data: { name: vendorName },
  });
  expect(vendor.status(), await vendor.text()).toBe(201);
  const names = ["Support chatbot", "Sales assistant"];
  const csv = [
    "name,primary_model,variant,vendor,lifecycle",
    ...names.map((name) => `${name},saas_ai,public_saas,${vendorName},PRODUCTION`),
  ].join("\n");
  const imported = await page.request.post("/api/v1/systems/import", { headers, data: { csv } });
  expect(imported.status(), await imported.text()).toBe(201);
  const list = (await (await page.request.get("/api/v1/systems", { headers })).json()) as {
    systems: { id: string; name: string }[];
  };
  return {
    vendor: { id: ((await vendor.json()) as { id: string }).id, name: vendorName },
    systems: names.map((name) => list.systems.find((s) => s.name === name)!),
  };
}

const pdf = (label: string) =>
  Buffer.concat([
    Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n% ${label}\n`, "latin1"),
    randomBytes(40_000),
  ]);

test("attach, reuse, revise, attest and download evidence", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page);
  const { vendor, systems } = await createRegistry(page, slug);
  const [first, second] = systems as [Registry["systems"][number], Registry["systems"][number]];
  const title = `Access policy ${randomBytes(3).toString("hex")}`;

  // 1. Upload a file to one duty of the first system, from its responsibility view.
  await visit(page, `/w/${slug}/systems/${first.id}`);
  const attach = page.getByRole("button", { name: /^Attach evidence to Your part of / }).first();
  const domainName = ((await attach.textContent()) ?? "")
    .replace(/^Attach evidence to Your part of /, "")
    .trim();
  await attach.click();
  let dialog = page.getByRole("dialog", { name: "Attach evidence" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: "access-policy.pdf", mimeType: "application/pdf", buffer: pdf("v1") });
  await dialog.getByLabel("Title (optional)").fill(title);
  await dialog.getByRole("button", { name: "Attach evidence", exact: true }).click();
  await expect(dialog).toBeHidden();
  const customerBlock = page.getByRole("group", {
    name: `Evidence for Your part of ${domainName}`,
  });
  await expect(customerBlock.getByRole("link", { name: title })).toBeVisible();

  // 2. Reuse it on the second system from the library.
  await visit(page, `/w/${slug}/evidence`);
  await page.getByRole("button", { name: `Reuse “${title}”` }).click();
  dialog = page.getByRole("dialog", { name: `Reuse “${title}”` });
  await dialog.getByLabel("AI system").selectOption({ label: second.name });
  await dialog.getByLabel("Security domain").selectOption({ label: domainName });
  const side = dialog.getByLabel("Side");
  if ((await side.inputValue()) === "") await side.selectOption({ label: "Your part" });
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Link evidence" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("link", { name: title }).click();
  await page.waitForURL(/\/evidence\/[^/?]+$/);
  await expectAccessible(page);
  const links = page.getByRole("region", { name: "Duties this evidence is linked to" });
  await expect(links.getByRole("row")).toHaveCount(3);
  await expect(links.getByRole("link", { name: second.name })).toBeVisible();

  // 3. Upload a new revision: the links move to it, the first one becomes history.
  const revised = pdf("v2");
  await page.getByRole("button", { name: "Upload new revision" }).click();
  dialog = page.getByRole("dialog", { name: "New revision" });
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: "access-policy-v2.pdf", mimeType: "application/pdf", buffer: revised });
  await dialog.getByRole("button", { name: "Save new revision" }).click();
  await page.waitForURL(/flash=saved/);
  await expect(page.getByText("Evidence saved.")).toBeVisible();
  await expectAccessible(page);
  const history = page.getByRole("list", { name: "Revisions, newest first" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByText("Superseded")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Duties this evidence is linked to" }).getByRole("row"),
  ).toHaveCount(3);

  // 4. Download it and compare the bytes with what was uploaded.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Download/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("access-policy-v2.pdf");
  expect(Buffer.compare(await readFile((await download.path())!), revised)).toBe(0);

  // 5. A vendor attestation counts on the provider's part of every system of that vendor.
  await visit(page, `/w/${slug}/vendors/${vendor.id}`);
  await page.getByRole("button", { name: "Add attestation" }).click();
  dialog = page.getByRole("dialog", { name: `Add an attestation for ${vendor.name}` });
  await dialog.getByLabel("Type of attestation").selectOption({ label: "SOC 2 report" });
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: "soc2.pdf", mimeType: "application/pdf", buffer: pdf("soc2") });
  await dialog.getByLabel("Title (optional)").fill("Acme SOC 2 Type II");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole("list", { name: `Attestations for ${vendor.name}` })
      .getByRole("link", { name: "Acme SOC 2 Type II" }),
  ).toBeVisible();

  await visit(page, `/w/${slug}/systems/${second.id}`);
  const providerBlocks = page.getByRole("group", { name: /^Evidence for Provider's part of / });
  expect(await providerBlocks.count()).toBeGreaterThan(0);
  await expect(
    providerBlocks.first().getByRole("link", { name: "Acme SOC 2 Type II" }),
  ).toBeVisible();
  await expect(providerBlocks.first().getByText("Covered", { exact: true })).toBeVisible();
  await expect(providerBlocks.getByText("Not covered", { exact: true })).toHaveCount(0);
});

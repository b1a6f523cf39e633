import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// The coverage dashboards in a real browser, on a fresh user and workspace: the overview shows
// the numbers the API computes, a heat-map cell opens its duty, fixing a gap (owner, status,
// evidence) raises coverage on reload, and the gaps page filters without a reload.
type Summary = {
  totalDuties: number;
  coveredDuties: number;
  coverage: number | null;
  ownedRate: number | null;
  implementedRate: number | null;
  evidencedRate: number | null;
  providerAssuredRate: number | null;
};

const pct = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 100)} %`);

async function signUp(page: Page) {
  const id = randomBytes(4).toString("hex");
  const name = `Dashboard tester ${id}`;
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(`dash-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Dashboard ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return { slug: new URL(page.url()).pathname.split("/")[2] as string, name };
}

async function expectOverview(page: Page, summary: Summary) {
  await expect(page.getByTestId("coverage-value")).toHaveText(pct(summary.coverage));
  await expect(
    page.getByText(`${summary.coveredDuties} of ${summary.totalDuties} parts covered`),
  ).toBeVisible();
  for (const key of [
    "ownedRate",
    "implementedRate",
    "evidencedRate",
    "providerAssuredRate",
  ] as const)
    await expect(page.getByTestId(`rate-${key}`)).toHaveText(pct(summary[key]));
}

test("overview numbers, heat map to duty, fixing a gap raises coverage, gap filters", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { slug, name } = await signUp(page);

  // An empty workspace says so and links to registration.
  await expect(page.getByRole("heading", { name: "No AI systems yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Register an AI system" })).toBeVisible();
  await expectAccessible(page);

  // Two systems through the API, with a token created in the UI.
  await visit(page, `/w/${slug}/settings/tokens`);
  await page.getByLabel("Name").fill("e2e dashboard");
  await page.getByLabel("Role").selectOption("ADMIN");
  await page.getByRole("button", { name: "Create token" }).click();
  const headers = { authorization: `Bearer ${await page.locator("#token-secret").inputValue()}` };
  const csv = [
    "name,primary_model,lifecycle",
    "Claims triage,paas_ai,PRODUCTION",
    "Policy helper,saas_ai,PILOT",
  ].join("\n");
  const imported = await page.request.post("/api/v1/systems/import", { headers, data: { csv } });
  expect(imported.status(), await imported.text()).toBe(201);
  const coverage = async () => {
    const response = await page.request.get("/api/v1/coverage", { headers });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { summary: Summary }).summary;
  };

  // The overview shows exactly the API's numbers.
  const before = await coverage();
  expect(before.totalDuties).toBeGreaterThan(0);
  await visit(page, `/w/${slug}`);
  await expectOverview(page, before);
  await expect(page.getByRole("heading", { name: "Heat map" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Coverage by security domain" })).toBeVisible();

  // A heat-map cell (a customer duty with a gap) opens that duty on the system page.
  const cell = page.locator('a[data-state="gap"][data-value="C"]').first();
  const href = (await cell.getAttribute("href")) ?? "";
  const domainKey = decodeURIComponent(href.split("#domain-")[1] ?? "");
  expect(domainKey).not.toBe("");
  // Arrow keys and Home move between the cells of the map (heatmap-keyboard.tsx).
  const row = (await cell.getAttribute("data-row")) ?? "";
  await cell.focus();
  await page.keyboard.press("Home");
  await expect(page.locator(`a[data-row="${row}"][data-col="0"]`)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`a[data-row="${row}"][data-col="1"]`)).toBeFocused();
  await cell.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.hash === `#domain-${encodeURIComponent(domainKey)}`);
  const duty = page.locator(`[id="domain-${domainKey}"]`);
  await expect(duty).toBeInViewport();
  await expect(page.getByRole("heading", { name: "Coverage", level: 2 })).toBeVisible();
  await expectAccessible(page);

  // Fix it: owner + implemented, then current evidence.
  await duty
    .getByRole("button", { name: /^Edit Your part/ })
    .first()
    .click();
  const editor = duty.getByRole("form");
  await editor.getByLabel("Owner").selectOption({ label: name });
  await editor.getByLabel("Status").selectOption("IMPLEMENTED");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();
  await duty.getByRole("button", { name: /^Attach evidence to Your part of / }).click();
  const dialog = page.getByRole("dialog", { name: "Attach evidence" });
  await dialog.locator('input[type="file"]').setInputFiles({
    name: "control-test.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([
      Buffer.from("%PDF-1.7\n% control test\n", "latin1"),
      randomBytes(4_000),
    ]),
  });
  await dialog.getByRole("button", { name: "Attach evidence", exact: true }).click();
  await expect(dialog).toBeHidden();

  const after = await coverage();
  expect(after.coveredDuties).toBe(before.coveredDuties + 1);
  await visit(page, `/w/${slug}`);
  await page.reload();
  await expectOverview(page, after);

  // Gaps page: a filter updates the list and the URL without a reload.
  await visit(page, `/w/${slug}/gaps`);
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
  await page.getByLabel("Reason").selectOption("NO_OWNER");
  await page.waitForURL(/[?&]reason=NO_OWNER/);
  const gaps = await page.request.get("/api/v1/gaps?reason=NO_OWNER&limit=1", { headers });
  const { total } = (await gaps.json()) as { total: number };
  await expect(page.getByTestId("gap-total")).toHaveText(
    `${total} ${total === 1 ? "gap matches" : "gaps match"} the filters.`,
  );
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
  await expectAccessible(page);
  // The URL keeps the filter: a reload renders the same filtered list on the server.
  await page.reload();
  await expect(page.getByLabel("Reason")).toHaveValue("NO_OWNER");
  await expect(page.getByTestId("gap-total")).toHaveText(
    `${total} ${total === 1 ? "gap matches" : "gaps match"} the filters.`,
  );
  const download = await page.request.get(`/w/${slug}/gaps/export?reason=NO_OWNER`);
  expect(download.headers()["content-type"]).toMatch(/^text\/csv/);

  // The domain page and the full heat map.
  await visit(page, `/w/${slug}/domains/${encodeURIComponent(domainKey)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await visit(page, `/w/${slug}/coverage/heatmap`);
  await expect(page.locator("a[data-state]").first()).toBeVisible();
});

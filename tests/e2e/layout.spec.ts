import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import { visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// The main pages fit the screen at common laptop widths and on a phone: whatever is wider than
// the screen (the heat map, long tables) scrolls inside its own frame, never the whole page. A
// fresh workspace gets a dozen systems with long names over every deployment model, so every
// domain column and a full heat map are drawn.
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

const MODELS = [
  "saas_ai",
  "paas_ai",
  "iaas_ai",
  "on_premises",
  "embedded_ai",
  "agentic_ai",
  "ai_coding",
  "mcp_systems",
];

async function signUp(page: Page) {
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`Layout tester ${id}`);
  await page.getByLabel("E-mail address").fill(`layout-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Layout ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] as string;
}

/** How far the page itself scrolls sideways (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("main pages fit 1440, 1280 and 390 pixel wide screens", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page);
  const rows = Array.from(
    { length: 12 },
    (_, i) =>
      `Customer-facing assistant with a rather long name ${i},${MODELS[i % MODELS.length]},HIGH,PRODUCTION`,
  );
  await visit(page, `/w/${slug}/systems/import`);
  await page.getByLabel("CSV file").setInputFiles({
    name: "systems.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["name,primary_model,risk_tier,lifecycle", ...rows].join("\n")),
  });
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByText("12 systems imported")).toBeVisible({ timeout: 60_000 });
  await visit(page, `/w/${slug}/systems`);
  await page.getByRole("link", { name: rows[0]!.split(",")[0]! }).click();
  await page.waitForURL(/\/systems\/[^/]+$/);
  const systemPath = new URL(page.url()).pathname;

  const paths = [
    `/w/${slug}`,
    `/w/${slug}/coverage/heatmap`,
    `/w/${slug}/systems`,
    systemPath,
    `/w/${slug}/duties`,
    `/w/${slug}/my-duties`,
    `/w/${slug}/gaps`,
    `/w/${slug}/plans`,
    `/w/${slug}/approvals`,
    `/w/${slug}/notifications`,
    `/w/${slug}/statements`,
    `/w/${slug}/evidence`,
    `/w/${slug}/vendors`,
    `/w/${slug}/standards`,
    `/w/${slug}/reports`,
    `/w/${slug}/exports`,
    `/w/${slug}/audit`,
    `/w/${slug}/settings`,
    "/about",
  ];
  const tooWide: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const path of paths) {
      await visit(page, path);
      const extra = await overflow(page);
      if (extra > 0) tooWide.push(`${path} at ${viewport.width} px: ${extra} px too wide`);
    }
  }
  expect(tooWide).toEqual([]);

  // The heat map is still all there: it scrolls inside its frame.
  await page.setViewportSize(VIEWPORTS[0]);
  await visit(page, `/w/${slug}`);
  const heatmap = page.getByRole("region", { name: "Heat map" }).getByRole("table");
  await expect(heatmap.getByRole("columnheader")).toHaveCount(17);
  // The overview's rate cards are all within the screen.
  for (const key of ["ownedRate", "implementedRate", "evidencedRate", "providerAssuredRate"]) {
    const box = await page.getByTestId(`rate-${key}`).boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(VIEWPORTS[0].width);
  }
});

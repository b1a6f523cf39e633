import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";

// Standards in a real browser, on a fresh user and workspace with two systems: the Standards page
// shows the API's coverage by external reference, a duty lists its related references, a figure
// opens the gaps filtered by that reference, a PDF report is made in the background and
// downloaded (and read back with pdftotext), and the About page credits the crosswalk's sources.
const run = promisify(execFile);

async function signUp(page: Page) {
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`Standards tester ${id}`);
  await page.getByLabel("E-mail address").fill(`standards-${id}@example.com`);
  await page.locator('input[name="password"]').fill(`correct horse battery ${id}`);
  await page.getByLabel("Workspace name").fill(`Standards ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return { slug: new URL(page.url()).pathname.split("/")[2] as string, id };
}

type EntryCoverage = {
  id: string;
  title: string;
  summary: { totalDuties: number; coverage: number | null };
};

test("coverage by reference, references on a duty, gaps by reference, PDF report", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { slug, id } = await signUp(page);

  await visit(page, `/w/${slug}/settings/tokens`);
  await page.getByLabel("Name").fill("e2e standards");
  await page.getByLabel("Role").selectOption("ADMIN");
  await page.getByRole("button", { name: "Create token" }).click();
  const headers = { authorization: `Bearer ${await page.locator("#token-secret").inputValue()}` };
  const csv = [
    "name,primary_model,lifecycle",
    "Agent desk,agentic_ai,PRODUCTION",
    "Chat helper,saas_ai,PILOT",
  ].join("\n");
  const imported = await page.request.post("/api/v1/systems/import", { headers, data: { csv } });
  expect(imported.status(), await imported.text()).toBe(201);

  // The Standards page shows the API's figures for OWASP.
  const api = await page.request.get("/api/v1/coverage/references?catalogue=owasp-llm-top10", {
    headers,
  });
  expect(api.status()).toBe(200);
  const owasp = ((await api.json()) as { catalogues: { entries: EntryCoverage[] }[] })
    .catalogues[0]!;
  const llm06 = owasp.entries.find((e) => e.id === "LLM06:2025")!;
  expect(llm06.summary.totalDuties).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Standards" }).click();
  await page.waitForURL(`**/w/${slug}/standards`);
  await expect(page.getByRole("heading", { name: "Standards", level: 1 })).toBeVisible();
  const row = page.locator(`[id="ref-owasp-llm-top10-LLM06:2025"]`);
  await expect(row).toContainText("Excessive Agency");
  await expect(row).toContainText(String(llm06.summary.totalDuties));
  await expectAccessible(page);
  await page.getByRole("link", { name: "ISO/IEC 42001 Annex A controls" }).click();
  await expect(page.getByText("A.6.2.8", { exact: true })).toBeVisible();

  // A duty on the system page sums up its related references and links to the domain page,
  // which lists them.
  await visit(page, `/w/${slug}/systems`);
  await page.getByRole("link", { name: "Agent desk" }).click();
  await page
    .locator("#domain-agent_governance")
    .getByRole("link", { name: "Related references" })
    .click();
  await page.waitForURL(`**/w/${slug}/domains/agent_governance#related-references`);
  const duty = page.locator("details", { has: page.locator("#related-references") });
  await duty.getByText("Related references").click();
  await expect(duty.getByText("Excessive Agency")).toBeVisible();
  await expect(duty.getByText("Contains").first()).toBeVisible();
  await expectAccessible(page);

  // Its OWASP id opens the gaps filtered by that reference.
  await duty.getByRole("link", { name: "LLM06:2025" }).click();
  await page.waitForURL(/\/gaps\?reference=owasp-llm-top10%3ALLM06%3A2025/);
  await expect(page.getByLabel("External reference")).toHaveValue("owasp-llm-top10:LLM06:2025");
  const gaps = await page.request.get("/api/v1/gaps?reference=owasp-llm-top10:LLM06:2025&limit=1", {
    headers,
  });
  const total = ((await gaps.json()) as { total: number }).total;
  await expect(page.getByTestId("gap-total")).toContainText(`${total} gaps match the filters`);

  // A PDF report, made in the background, downloaded and read back.
  await page.getByRole("link", { name: "Reports" }).click();
  await page.waitForURL(`**/w/${slug}/reports`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Make a PDF report" }).click();
  const download = page.getByRole("link", { name: /Download PDF/ }).first();
  await expect(download).toBeVisible({ timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  const dir = await mkdtemp(path.join(os.tmpdir(), "e2e-report-"));
  const target = path.join(dir, "report.pdf");
  await file.saveAs(target);
  const { stdout } = await run("pdftotext", [target, "-"]);
  const text = stdout.replace(/\s+/g, " ");
  expect(text).toContain(`Standards ${id}`);
  expect(text).toContain("Standards at a glance");
  expect(text).toContain("LLM06:2025 Excessive Agency");
  await writeFile(path.join(dir, "done"), "");

  // The About page credits the crosswalk and its sources.
  await visit(page, "/about");
  await expect(page.getByRole("heading", { name: "Crosswalks to other standards" })).toBeVisible();
  await expect(
    page.getByText("FINOS AI Governance Framework", { exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByText("CoSAI Risk Map", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});

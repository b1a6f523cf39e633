import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

const run = promisify(execFile);

// Each test signs up its own user and workspace through the app (no shared state); the demo
// user's password is random and printed only at first start, so it cannot be used here.
async function signUp(page: Page): Promise<string> {
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`Export tester ${id}`);
  await page.getByLabel("E-mail address").fill(`export-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Exports ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] as string;
}

/** Creates an ADMIN API token in the settings UI and uploads a few evidence files with it. */
async function uploadEvidence(page: Page, slug: string) {
  await page.goto(`/w/${slug}/settings/tokens`);
  await page.getByLabel("Name").fill("e2e uploads");
  await page.getByLabel("Role").selectOption("ADMIN");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.locator("#token-secret").inputValue();
  for (const [index, size] of [300_000, 1_200_000, 2_500_000].entries()) {
    const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
    const body = randomBytes(size);
    const response = await page.request.post("/api/v1/evidence/files", {
      headers: { authorization: `Bearer ${secret}` },
      multipart: {
        title: index === 0 ? "=SUM(1,2) quarterly review" : `Evidence ${index}`,
        file: {
          name: "report.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.concat([head, body]),
        },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
}

test("start an export, follow its progress, download and verify the bundle offline", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const slug = await signUp(page);
  await uploadEvidence(page, slug);

  await visit(page, `/w/${slug}/exports`);
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Include evidence files" })).toBeChecked();
  await page.getByRole("button", { name: "Start export" }).click();
  await expect(page.getByText("Export queued.")).toBeVisible();

  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: /All systems/ }) })
    .first();
  // The bar shows while the job is queued or running; a small bundle may finish before a poll.
  await expect(row.getByRole("progressbar").or(row.getByText("Ready"))).toBeVisible();
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole("progressbar")).toHaveCount(0);
  await expectAccessible(page);

  // Survives a reload: the job lives in the database.
  await page.reload();
  await expect(row.getByText("Ready")).toBeVisible();

  const dir = await mkdtemp(path.join(os.tmpdir(), "export-e2e-"));
  try {
    const downloadPromise = page.waitForEvent("download");
    await row.getByRole("link", { name: /Download/ }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^ai-srm-evidence-${slug}-[\\d-]+\\.zip$`),
    );
    const zip = path.join(dir, "bundle.zip");
    await download.saveAs(zip);

    const unpacked = path.join(dir, "bundle");
    await run("unzip", ["-q", zip, "-d", unpacked]);
    const checked = await run("sha256sum", ["-c", "checksums.sha256"], { cwd: unpacked });
    expect(checked.stdout).toMatch(/manifest\.json: OK/);
    expect(checked.stdout.match(/^evidence\/.*: OK$/gm)).toHaveLength(3);
    const verified = await run("node_modules/.bin/tsx", ["scripts/export-verify.ts", zip]);
    expect(verified.stdout).toMatch(/^VERIFIED /m);
    const evidenceCsv = await readFile(path.join(unpacked, "evidence.csv"), "utf8");
    expect(evidenceCsv).toContain("'=SUM(1,2) quarterly review");

    // report.html straight from disk: no request leaves the page, and axe finds nothing.
    const context = await browser.newContext();
    const report = await context.newPage();
    const reportUrl = pathToFileURL(path.join(unpacked, "report.html")).href;
    const requests: string[] = [];
    report.on("request", (request) => {
      if (request.url() !== reportUrl) requests.push(request.url());
    });
    await report.goto(reportUrl);
    await expect(report.getByRole("heading", { level: 1 })).toHaveText(
      /^Evidence bundle: Exports /,
    );
    await expect(report.getByRole("heading", { level: 2, name: "Evidence index" })).toBeVisible();
    await expectAccessible(report);
    expect(requests).toEqual([]);
    await context.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the audit page downloads the audit log alone as JSONL and CSV", async ({ page }) => {
  const slug = await signUp(page);
  await visit(page, `/w/${slug}/audit`);
  for (const [label, check] of [
    [
      "Download JSONL",
      (text: string) =>
        expect(JSON.parse(text.split("\n")[0] ?? "")).toMatchObject({
          seq: 1,
          prevHash: "0".repeat(64),
        }),
    ],
    ["Download CSV", (text: string) => expect(text).toMatch(/^\uFEFFseq,time,actor_type/)],
  ] as const) {
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: label }).click();
    const download = await downloadPromise;
    const file = await download.path();
    check(await readFile(file, "utf8"));
  }
});

import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";
import { stringify } from "yaml";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// Each test signs up its own user and workspace through the app (no shared state).
async function signUp(page: Page): Promise<string> {
  const id = randomBytes(4).toString("hex");
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(`Framework tester ${id}`);
  await page.getByLabel("E-mail address").fill(`fw-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Frameworks ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] as string;
}

function customFramework(version: string, promptSafetyHosted: string) {
  return stringify({
    format: "ai-srm-framework/1",
    key: "acme-e2e",
    name: "Acme e2e model",
    publisher: "Acme",
    license: { name: "Internal use" },
    source: { url: "https://example.com/acme" },
    version,
    description: "A small model for the end-to-end test.",
    scale: [
      { code: "P", label: "Provider", description: "The provider holds it.", side: "provider" },
      { code: "C", label: "Customer", description: "We hold it.", side: "customer" },
      { code: "S", label: "Shared", description: "Both hold part.", side: "both" },
      { code: "NA", label: "Not applicable", description: "Does not arise.", side: "none" },
    ],
    columns: [
      {
        key: "hosted",
        name: "Hosted model",
        group: "cloud",
        description: "A vendor hosts it.",
        examples: [],
      },
      {
        key: "self_run",
        name: "Self-run model",
        group: "own",
        description: "We run it.",
        examples: [],
      },
    ],
    rows: [
      {
        key: "access_control",
        name: "Access control",
        category: "traditional",
        focus: "Who may use it",
        keyControls: ["SSO"],
        considerations: ["Service accounts"],
      },
      {
        key: "prompt_safety",
        name: "Prompt safety",
        category: "ai_specific",
        focus: "What reaches it",
        keyControls: ["Filters"],
        considerations: ["Injection"],
      },
    ],
    cells: [
      { row: "access_control", column: "hosted", value: "S" },
      { row: "access_control", column: "self_run", value: "C" },
      { row: "prompt_safety", column: "hosted", value: promptSafetyHosted },
      { row: "prompt_safety", column: "self_run", value: "C" },
    ],
  });
}

// The first visits of a fresh server compile nothing but still warm caches; give them room.
test.describe.configure({ timeout: 120_000 });

test("browse the AI SRM matrix, open a cell by mouse and keyboard, filter it, open a domain", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const slug = await signUp(page);
  const base = `/w/${slug}/frameworks`;

  await visit(page, base);
  await expect(page.getByRole("heading", { level: 1, name: "Frameworks" })).toBeVisible();

  await visit(page, `${base}/ai-security-srm`);
  const grid = page.getByRole("region", {
    name: /AI Security Shared Responsibility Model 1\.1\.0/,
  });
  await expect(grid.getByRole("columnheader")).toHaveCount(9);
  await expect(grid.getByRole("rowheader")).toHaveCount(16);

  // Open a critical-focus cell with the mouse: rationale, key controls, focus returns on Escape.
  const cell = grid.getByRole("button", {
    name: /^C Customer: Agent Governance, Agentic AI Systems/,
  });
  await expect(cell).toContainText("Critical focus");
  await cell.click();
  const dialog = page.getByRole("dialog", { name: "Agent Governance × Agentic AI Systems" });
  await expect(dialog.getByRole("heading", { name: "Why" })).toBeVisible();
  await expect(
    dialog.getByRole("heading", { name: "Key controls of Agent Governance" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(cell).toBeFocused();

  // Keyboard: arrows move between cells, Enter opens one.
  await page.keyboard.press("ArrowRight");
  const next = grid.getByRole("button", { name: /Agent Governance, AI Coding Assistants/ });
  await expect(next).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("dialog", { name: "Agent Governance × AI Coding Assistants" }),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  // Filters live in the URL.
  await page.getByLabel("Domain category").selectOption("ai_specific");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/category=ai_specific/);
  await expect(grid.getByRole("rowheader")).toHaveCount(4);
  await expectAccessible(page);

  // A domain page: focus, key controls, its value under every model.
  await grid.getByRole("link", { name: "Agent Governance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agent Governance" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Key controls" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Agent Governance across deployment models" })
      .getByRole("row"),
  ).toHaveCount(9);
  await expectAccessible(page);
});

test("read the deployment-model guide, the domain list and the four-layer model", async ({
  page,
}) => {
  const slug = await signUp(page);
  const base = `/w/${slug}/frameworks`;
  await visit(page, `${base}/ai-security-srm/models`);
  await expect(page.getByRole("heading", { level: 3, name: "SaaS AI Models" })).toBeVisible();
  await expect(page.getByText("Public SaaS", { exact: false }).first()).toBeVisible();

  await visit(page, `${base}/ai-security-srm/domains`);
  await visit(page, `${base}/genai-four-layer/layers`);
  await expect(
    page.getByRole("heading", { name: /Layer 1: Foundation Model Development/ }),
  ).toBeVisible();
  await visit(page, `${base}/genai-four-layer`);
});

test("import two versions of a custom framework and compare them", async ({ page }) => {
  const slug = await signUp(page);
  const base = `/w/${slug}/frameworks`;

  await visit(page, `${base}/import`);
  const file = page.getByLabel("Framework file");

  // A rejected file names the path of each problem and offers no import.
  await file.setInputFiles({
    name: "broken.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(customFramework("1.0.0", "X")),
  });
  await expect(
    page.getByText('cells[2].value: "X" is not in the scale (P, C, S, NA)'),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import / })).toHaveCount(0);
  await expectAccessible(page);

  for (const [version, value] of [
    ["1.0.0", "P"],
    ["1.1.0", "S"],
  ] as const) {
    await file.setInputFiles({
      name: `acme-${version}.yaml`,
      mimeType: "application/yaml",
      buffer: Buffer.from(customFramework(version, value)),
    });
    await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Import Acme e2e model ${version}` }).click();
    await expect(page.getByText(`Imported Acme e2e model ${version}`)).toBeVisible();
  }

  await visit(page, base);
  await expect(page.getByRole("heading", { name: "Acme e2e model" })).toBeVisible();

  await visit(page, `${base}/acme-e2e/compare`);
  const changed = page.getByRole("region", { name: "Changed cells, 1.0.0 → 1.1.0" });
  await expect(changed.getByRole("row")).toHaveCount(2);
  await expect(changed.getByRole("row").nth(1)).toContainText("Prompt safety");
  await expect(changed.getByRole("row").nth(1)).toContainText("Hosted model");
});

test("the About page credits each built-in framework with its licence", async ({ page }) => {
  await visit(page, "/about");
  await expect(
    page.getByText("AI Security Shared Responsibility Model by Mike Privette (MIT)", {
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole("link", {
      name: "https://github.com/mikeprivette/ai-security-shared-responsibility",
    }),
  ).toBeVisible();
  await page.getByText("Licence text (LICENSE.txt)").click();
  await expect(page.getByText("Permission is hereby granted, free of charge")).toBeVisible();
  await expectAccessible(page);
});

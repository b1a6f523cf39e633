import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Every page a test visits is checked with axe (WCAG 2.1 A/AA rules). The violation list is
// printed in the failure message so the problem is named, not just counted.
export async function expectAccessible(page: Page) {
  // Next streams a dynamic page's metadata, and after a client-side navigation (a server
  // action's redirect) sets document.title when it arrives, which can be just after the content.
  // Wait for it (a page that never gets a title still fails here, by name) so axe does not
  // check a page that has not finished loading.
  await expect(page, `no <title> on ${page.url()}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

// Navigates and checks the page that loaded.
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await expectAccessible(page);
  return response;
}

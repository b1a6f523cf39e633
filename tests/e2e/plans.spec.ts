import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";

// A gap becomes a plan in the browser: select gaps in the gap list, "New plan from selection"
// with an owner and a due date, the plan page shows 0 of N covered; the duties are then owned,
// implemented and evidenced (through the REST API, as a script or another person would), and
// the plan shows done at once, before the background job stores it.
async function signUp(page: Page) {
  const id = randomBytes(4).toString("hex");
  const name = `Planner ${id}`;
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(`planner-${id}@example.com`);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(`Plans ${id}`);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return { slug: new URL(page.url()).pathname.split("/")[2] as string, name };
}

async function apiToken(page: Page, slug: string) {
  await visit(page, `/w/${slug}/settings/tokens`);
  await page.getByLabel("Name").fill("e2e plans");
  await page.getByLabel("Role").selectOption("ADMIN");
  await page.getByRole("button", { name: "Create token" }).click();
  return { authorization: `Bearer ${await page.locator("#token-secret").inputValue()}` };
}

test("selected gaps become a plan that is done when its duties are covered", async ({ page }) => {
  const { slug, name } = await signUp(page);
  const headers = await apiToken(page, slug);
  const csv = [
    "name,primary_model,variant,lifecycle",
    "Plan chatbot,saas_ai,public_saas,PRODUCTION",
  ];
  const imported = await page.request.post("/api/v1/systems/import", {
    headers,
    data: { csv: csv.join("\n") },
  });
  expect(imported.status(), await imported.text()).toBe(201);

  // Customer gaps only ("No owner" is a customer duty's reason): the API can cover them.
  await visit(page, `/w/${slug}/gaps?reason=NO_OWNER`);
  const boxes = page.getByRole("checkbox", { name: /^Select Plan chatbot/ });
  await expect(boxes.first()).toBeVisible();
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page.getByTestId("gap-selected")).toHaveText("2 gaps selected");
  await page.getByRole("button", { name: "New plan from selection" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill("Close the chatbot gaps");
  await dialog.getByLabel("Owner").selectOption({ label: name });
  await dialog.getByLabel("Due date").fill("2030-06-30");
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await page.waitForURL(/\/plans\/[^/]+$/);
  const planId = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(page.getByRole("heading", { name: "Close the chatbot gaps" })).toBeVisible();
  await expect(page.getByTestId("plan-progress")).toContainText("0/2 covered");
  await expect(page.getByTestId("plan-status")).toHaveText("Open");
  await expectAccessible(page);

  const plan = (await (await page.request.get(`/api/v1/plans/${planId}`, { headers })).json()) as {
    duties: { dutyId: string }[];
  };
  const members = (await (await page.request.get("/api/v1/members", { headers })).json()) as {
    members: { user: { id: string; name: string } }[];
  };
  const ownerId = members.members.find((m) => m.user.name === name)!.user.id;
  for (const { dutyId } of plan.duties) {
    const evidence = await page.request.post("/api/v1/evidence", {
      headers,
      data: {
        kind: "LINK",
        title: `Runbook for ${dutyId}`,
        url: "https://example.com/runbook",
        dutyIds: [dutyId],
      },
    });
    expect(evidence.status(), await evidence.text()).toBe(201);
    const duty = (await (
      await page.request.get(`/api/v1/duties/${dutyId}`, { headers })
    ).json()) as {
      version: number;
    };
    const patched = await page.request.patch(`/api/v1/duties/${dutyId}`, {
      headers,
      data: { expectedVersion: duty.version, ownerId, status: "IMPLEMENTED" },
    });
    expect(patched.status(), await patched.text()).toBe(200);
  }

  await page.reload();
  await expect(page.getByTestId("plan-progress")).toContainText("2/2 covered");
  await expect(page.getByTestId("plan-status")).toHaveText("Done");
  await expect(page.getByText("Every duty is covered.")).toBeVisible();

  // The plans page lists it as done; the discussion works on the plan page.
  await page.getByRole("textbox", { name: "Add a comment" }).fill("All covered, thanks everyone");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("All covered, thanks everyone")).toBeVisible();
  await visit(page, `/w/${slug}/plans?status=DONE`);
  await expect(page.getByRole("link", { name: "Close the chatbot gaps" })).toBeVisible();
});

import { randomBytes } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import { expectAccessible, visit } from "./support/a11y";
import { uniquePassword } from "./support/accounts";
import { readMailbox } from "./support/mailbox";

// The governance loop of issue 16 with two people, each in their own browser: Ada (the owner)
// turns a gap into an action plan for Ben with a due date; Ben receives the assignment e-mail in
// the test SMTP server (serve.ts), follows the plan to its duty, takes it, marks it implemented
// and attaches evidence; the plan then shows done. (The approval half of the loop, an editor's
// risk acceptance that stays a gap until an admin approves it and ends at its end date, is
// approvals.spec.ts.)

async function signUp(page: Page, name: string, email: string, workspace: string) {
  await visit(page, "/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.locator('input[name="password"]').fill(uniquePassword());
  await page.getByLabel("Workspace name").fill(workspace);
  await page.getByRole("button", { name: /create account/i }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] as string;
}

test("a gap becomes a plan; its owner is e-mailed, covers the duty, and the plan is done", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const run = randomBytes(3).toString("hex");
  const benEmail = `ben-${run}@example.test`;
  const benName = `Ben ${run}`;
  const planTitle = `Close the triage gap ${run}`;

  const adaContext = await browser.newContext();
  const ada = await adaContext.newPage();
  const slug = await signUp(ada, `Ada ${run}`, `ada-${run}@example.test`, `Loop ${run}`);

  // An ADMIN token for the setup (a system) and for reading ids the pages do not print.
  await visit(ada, `/w/${slug}/settings/tokens`);
  await ada.getByLabel("Name").fill("e2e governance");
  await ada.getByLabel("Role").selectOption("ADMIN");
  await ada.getByRole("button", { name: "Create token" }).click();
  const headers = { authorization: `Bearer ${await ada.locator("#token-secret").inputValue()}` };
  const imported = await ada.request.post("/api/v1/systems/import", {
    headers,
    data: {
      csv: "name,primary_model,variant,lifecycle\nTriage bot,saas_ai,public_saas,PRODUCTION",
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);

  // Ben joins as an editor through his invitation, in his own browser.
  await visit(ada, `/w/${slug}/settings/members`);
  await ada.getByLabel("E-mail address").fill(benEmail);
  await ada.locator("#invite-role").selectOption("EDITOR");
  await ada.getByRole("button", { name: "Invite" }).click();
  const invitePath = new URL(await ada.getByLabel("Invitation link").inputValue()).pathname;
  const benContext = await browser.newContext();
  const ben = await benContext.newPage();
  await visit(ben, invitePath);
  await ben.getByLabel("Your name").fill(benName);
  await ben.getByLabel("Choose a password").fill(uniquePassword());
  await ben.getByRole("button", { name: "Create account and join" }).click();
  await ben.waitForURL(new RegExp(`/w/${slug}$`));

  // Ada: one gap of the gap list becomes a plan for Ben, due at the end of next year.
  await visit(ada, `/w/${slug}/gaps?reason=NO_OWNER`);
  const box = ada.getByRole("checkbox", { name: /^Select Triage bot/ }).first();
  await box.check();
  await expect(ada.getByTestId("gap-selected")).toHaveText("1 gap selected");
  await ada.getByRole("button", { name: "New plan from selection" }).click();
  const dialog = ada.getByRole("dialog");
  await dialog.getByLabel("Title").fill(planTitle);
  await dialog.getByLabel("Owner").selectOption({ label: benName });
  const due = `${new Date().getUTCFullYear() + 1}-12-31`;
  await dialog.getByLabel("Due date").fill(due);
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await ada.waitForURL(/\/plans\/[^/]+$/);
  const planPath = new URL(ada.url()).pathname;
  const planId = planPath.split("/").pop() as string;
  await expect(ada.getByTestId("plan-progress")).toContainText("0/1 covered");

  // Ben's assignment e-mail arrives, naming the plan and linking to it and to his settings.
  const planMails = async () =>
    (await readMailbox()).filter(
      (mail) => mail.to === benEmail && mail.subject.includes("Action plan assigned to you"),
    );
  await expect.poll(async () => (await planMails()).length, { timeout: 90_000 }).toBe(1);
  const [mail] = await planMails();
  expect(mail!.subject).toContain(planTitle);
  expect(mail!.text).toContain(planPath);
  expect(mail!.text).toContain("/account#notifications");

  // Ben opens the plan, goes to its duty, takes it, marks it implemented and attaches evidence.
  const plan = (await (await ada.request.get(`/api/v1/plans/${planId}`, { headers })).json()) as {
    duties: { dutyId: string }[];
  };
  expect(plan.duties).toHaveLength(1);
  const duty = (await (
    await ada.request.get(`/api/v1/duties/${plan.duties[0]!.dutyId}`, { headers })
  ).json()) as { system: { id: string }; domainKey: string };
  await visit(ben, planPath);
  await expect(ben.getByRole("heading", { name: planTitle })).toBeVisible();
  await expect(ben.getByTestId("plan-status")).toHaveText("Open");
  await visit(ben, `/w/${slug}/systems/${duty.system.id}#domain-${duty.domainKey}`);
  const domain = ben.locator(`[id="domain-${duty.domainKey}"]`);
  await domain
    .getByRole("button", { name: /^Edit Your part/ })
    .first()
    .click();
  const editor = domain.getByRole("form");
  await editor.getByLabel("Owner").selectOption({ label: benName });
  await editor.getByLabel("Status").selectOption("IMPLEMENTED");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();
  await domain.getByRole("button", { name: /^Attach evidence to Your part of / }).click();
  const attach = ben.getByRole("dialog", { name: "Attach evidence" });
  await attach.locator('input[type="file"]').setInputFiles({
    name: "triage-runbook.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("%PDF-1.7\n% runbook\n", "latin1"), randomBytes(2_000)]),
  });
  await attach.getByRole("button", { name: "Attach evidence", exact: true }).click();
  await expect(attach).toBeHidden();

  // The plan is done for both of them, at once (before the background job stores it).
  await visit(ben, planPath);
  await expect(ben.getByTestId("plan-progress")).toContainText("1/1 covered");
  await expect(ben.getByTestId("plan-status")).toHaveText("Done");
  await expectAccessible(ben);
  await ada.reload();
  await expect(ada.getByTestId("plan-status")).toHaveText("Done");

  await adaContext.close();
  await benContext.close();
});

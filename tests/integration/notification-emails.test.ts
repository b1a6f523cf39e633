// Notification e-mail end to end against a real SMTP server (smtp-server, parsed by mailparser):
// an IMMEDIATE notification's e-mail with its absolute link and the settings link, the daily
// digest grouped per person and workspace, OFF and "no SMTP" sending nothing, and every
// notification e-mailed exactly once while two job workers (this process's queue and a worker
// process, `scripts/worker.ts`) run the e-mail job at the same time.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, startJobQueue } from "@/lib/server/jobs/job-queue";
import { sendNotificationEmailsJob } from "@/lib/server/notifications/notification-jobs";
import {
  type NotificationInput,
  recordNotifications,
} from "@/lib/server/notifications/record-notifications";
import {
  type Mailer,
  sendImmediateNotificationEmails,
  sendNotificationDigests,
} from "@/lib/server/notifications/send-notification-emails";
import { ROOT } from "@/scripts/lib/runtime";
import { resetJobQueue, waitFor } from "@/tests/support/job-queue";

import { memberWithRole, signedUpOwner } from "../support/identity-fixtures";
import { startSmtpSink } from "../support/smtp-sink";

// Set before the app first reads its configuration.
const smtp = await startSmtpSink();
process.env.SMTP_URL = smtp.url;
process.env.SMTP_FROM = "AI SRM <no-reply@example.test>";
process.env.APP_URL = "https://srm.example.test";

let worker: ChildProcess | undefined;
afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  await smtp.close();
});

type Person = { id: string; email: string };
let alpha: { id: string; slug: string };
let bravo: { id: string; slug: string };
let ada: Person;
let bo: Person;

beforeAll(async () => {
  const a = await signedUpOwner("mail-alpha");
  const b = await signedUpOwner("mail-bravo");
  alpha = a.workspace;
  bravo = b.workspace;
  ada = (await memberWithRole(alpha.id, "EDITOR", "ada")).user;
  bo = (await memberWithRole(alpha.id, "VIEWER", "bo")).user;
  // Ada belongs to both workspaces: her digests come one per workspace.
  await db.membership.create({ data: { workspaceId: bravo.id, userId: ada.id, role: "VIEWER" } });
});

beforeEach(async () => {
  smtp.messages.length = 0;
  await db.notification.deleteMany({});
  await db.notificationPreference.deleteMany({});
});

let serial = 0;
function item(
  userId: string,
  category: NotificationInput["category"],
  slug: string,
  title?: string,
): NotificationInput {
  serial++;
  return {
    userId,
    category,
    event: "test.event",
    dedupeKey: `test:${serial}:${randomBytes(3).toString("hex")}`,
    title: title ?? `Item ${serial}`,
    link: `/w/${slug}/systems/s${serial}`,
  };
}

async function record(workspaceId: string, items: NotificationInput[]) {
  return db.$transaction((tx) => recordNotifications(tx, workspaceId, items));
}

const to = (mail: (typeof smtp.messages)[number]) =>
  mail.to && "text" in mail.to ? mail.to.text : "";

describe("immediate e-mail", () => {
  it("sends one e-mail per notification with its absolute link and the settings link", async () => {
    const assigned = item(ada.id, "ASSIGNMENT", alpha.slug, "Assigned to you: Chatbot · data");
    await record(alpha.id, [assigned]);
    const run = await sendImmediateNotificationEmails();
    expect(run).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    await expect.poll(() => smtp.messages.length).toBe(1);
    const mail = smtp.messages[0]!;
    expect(to(mail)).toBe(ada.email);
    expect(mail.subject).toBe("[mail-alpha workspace] Assigned to you: Chatbot · data");
    expect(mail.text).toContain(`https://srm.example.test${assigned.link}`);
    expect(mail.text).toContain("https://srm.example.test/account#notifications");
    const row = await db.notification.findFirstOrThrow({
      where: { dedupeKey: assigned.dedupeKey },
    });
    expect(row.emailedAt).not.toBeNull();
    // Sent once: a second run finds nothing.
    expect(await sendImmediateNotificationEmails()).toMatchObject({ claimed: 0, sent: 0 });
  });

  it("leaves digest categories for the digest and OFF categories unsent", async () => {
    await db.notificationPreference.create({
      data: { userId: ada.id, category: "ASSIGNMENT", delivery: "OFF" },
    });
    await record(alpha.id, [
      item(ada.id, "ASSIGNMENT", alpha.slug),
      item(ada.id, "DUE", alpha.slug),
      item(bo.id, "EVIDENCE_EXPIRY", alpha.slug),
    ]);
    expect(await sendImmediateNotificationEmails()).toMatchObject({ claimed: 0, sent: 0 });
    expect(await sendNotificationDigests()).toMatchObject({ claimed: 2, sent: 2 });
    // Ada's ASSIGNMENT is OFF: no e-mail, not even in the digest, and never marked e-mailed.
    const off = await db.notification.findFirstOrThrow({
      where: { userId: ada.id, category: "ASSIGNMENT" },
    });
    expect(off.emailedAt).toBeNull();
    expect(smtp.messages.map((mail) => mail.text).join("\n")).not.toContain(off.title);
  });

  it("sends nothing and marks nothing without SMTP configured", async () => {
    await record(alpha.id, [
      item(ada.id, "ASSIGNMENT", alpha.slug),
      item(ada.id, "DUE", alpha.slug),
    ]);
    expect(await sendImmediateNotificationEmails({ mailer: null })).toMatchObject({ claimed: 0 });
    expect(await sendNotificationDigests({ mailer: null })).toMatchObject({ claimed: 0 });
    expect(await db.notification.count({ where: { emailedAt: { not: null } } })).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it("claims nothing while the SMTP server does not answer", async () => {
    // A real transport to a port where an SMTP server just stopped.
    const gone = await startSmtpSink();
    await gone.close();
    const transport = nodemailer.createTransport(gone.url);
    const down: Mailer = {
      reachable: () =>
        transport.verify().then(
          () => true,
          () => false,
        ),
      send: async () => ({ sent: false, reason: "down" }),
    };
    await record(alpha.id, [
      item(ada.id, "ASSIGNMENT", alpha.slug),
      item(ada.id, "DUE", alpha.slug),
    ]);
    expect(await sendImmediateNotificationEmails({ mailer: down })).toMatchObject({
      claimed: 0,
      skipped: "the SMTP server does not answer",
    });
    expect(await sendNotificationDigests({ mailer: down })).toMatchObject({ claimed: 0 });
    expect(await db.notification.count({ where: { emailedAt: { not: null } } })).toBe(0);
    // Once it answers again, they go out.
    expect(await sendImmediateNotificationEmails()).toMatchObject({ claimed: 1, sent: 1 });
  });

  it("does not e-mail a person who is no longer a member", async () => {
    const gone = await memberWithRole(alpha.id, "VIEWER", "gone");
    await record(alpha.id, [item(gone.user.id, "ASSIGNMENT", alpha.slug)]);
    await db.membership.update({
      where: { id: gone.membership.id },
      data: { deactivatedAt: new Date() },
    });
    expect(await sendImmediateNotificationEmails()).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.messages).toHaveLength(0);
  });
});

describe("daily digest", () => {
  it("groups a person's digest items per workspace into one e-mail each", async () => {
    const dueA = [1, 2, 3].map((n) => item(ada.id, "DUE", alpha.slug, `Due soon ${n}`));
    await record(alpha.id, dueA);
    await record(bravo.id, [item(ada.id, "ATTESTATION_EXPIRY", bravo.slug, "Attestation ends")]);
    await record(alpha.id, [item(bo.id, "EVIDENCE_EXPIRY", alpha.slug, "Evidence ends")]);

    const run = await sendNotificationDigests();
    expect(run).toMatchObject({ claimed: 5, sent: 3, failed: 0 });
    await expect.poll(() => smtp.messages.length).toBe(3);
    const adaAlpha = smtp.messages.find(
      (mail) => to(mail) === ada.email && mail.subject?.includes("mail-alpha"),
    )!;
    expect(adaAlpha.subject).toBe("[mail-alpha workspace] Daily summary: 3 notifications");
    for (const due of dueA) {
      expect(adaAlpha.text).toContain(due.title);
      expect(adaAlpha.text).toContain(`https://srm.example.test${due.link}`);
    }
    expect(adaAlpha.text).not.toContain("Attestation ends");
    expect(adaAlpha.text).toContain("https://srm.example.test/account#notifications");
    const adaBravo = smtp.messages.find(
      (mail) => to(mail) === ada.email && mail.subject?.includes("mail-bravo"),
    )!;
    expect(adaBravo.subject).toBe("[mail-bravo workspace] Daily summary: 1 notification");
    expect(smtp.messages.filter((mail) => to(mail) === bo.email)).toHaveLength(1);

    // Sent once: the next day's run has nothing of these.
    expect(await sendNotificationDigests()).toMatchObject({ claimed: 0, sent: 0 });
  });

  it("sends each group once when two digest runs race", async () => {
    await record(
      alpha.id,
      Array.from({ length: 20 }, (_, n) => item(n % 2 ? ada.id : bo.id, "DUE", alpha.slug)),
    );
    const runs = await Promise.all([
      sendNotificationDigests(),
      sendNotificationDigests(),
      sendNotificationDigests(),
    ]);
    expect(runs.reduce((sum, run) => sum + run.claimed, 0)).toBe(20);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(2);
    await expect.poll(() => smtp.messages.length).toBe(2);
  });
});

// Node itself with tsx's loader, as export-kill.test.ts starts `npm run worker`.
function startWorker(): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", NODE_ENV: "production" },
      stdio: "ignore",
    },
  );
}

describe("two job workers", () => {
  afterAll(async () => {
    await resetJobQueue();
  });

  it("e-mail each notification exactly once", { timeout: 120_000 }, async () => {
    // Worker 1: a separate process running every job kind (as `npm run worker`). It is up once
    // it has declared its schedules, which it does after starting its workers.
    worker = startWorker();
    const boss = await jobQueue();
    await waitFor(
      async () => {
        const schedules = await boss.getSchedules();
        return schedules.some((schedule) => schedule.name === "notification-reminders");
      },
      { timeoutMs: 90_000, intervalMs: 250, what: "the worker process to start" },
    );
    // Worker 2: this process's queue, working the e-mail job only.
    await startJobQueue({ work: true, kinds: [sendNotificationEmailsJob] });

    const titles = Array.from({ length: 60 }, (_, n) => `Race item ${n}`);
    await record(
      alpha.id,
      titles.map((title, n) => item(n % 2 ? ada.id : bo.id, "ASSIGNMENT", alpha.slug, title)),
    );
    // Many runs at once, taken by both workers while the rows are unsent.
    await Promise.all(Array.from({ length: 12 }, () => enqueueJob(sendNotificationEmailsJob, {})));
    await Promise.all([sendImmediateNotificationEmails(), sendImmediateNotificationEmails()]);

    await waitFor(async () => (await db.notification.count({ where: { emailedAt: null } })) === 0, {
      timeoutMs: 60_000,
      what: "every notification to be claimed",
    });
    await expect.poll(() => smtp.messages.length, { timeout: 20_000 }).toBe(titles.length);
    // Nothing more arrives a moment later (a second send would show here).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const subjects = smtp.messages.map((mail) => mail.subject ?? "");
    expect(subjects).toHaveLength(titles.length);
    expect(new Set(subjects).size).toBe(titles.length);
    for (const title of titles) expect(subjects).toContain(`[mail-alpha workspace] ${title}`);
  });
});

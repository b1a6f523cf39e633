import "server-only";

import { db } from "@/lib/db/client";
import { appUrl } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import {
  mailConfigured,
  type MailMessage,
  type MailResult,
  mailServerReachable,
  sendMail,
} from "@/lib/server/mail/send-mail";
import {
  CATEGORY_LABELS,
  DEFAULT_DELIVERY,
  NOTIFICATION_SETTINGS_PATH,
  type NotificationCategoryName,
  type NotificationDeliveryName,
} from "@/lib/view/notifications/preferences";

/*
 * E-mail for notifications, at most once per notification (and so per event and person: the
 * inbox row is unique by person and dedupeKey). A notification is CLAIMED before its e-mail is
 * sent: one UPDATE … SET "emailedAt" = now … WHERE "emailedAt" IS NULL over rows picked FOR
 * UPDATE SKIP LOCKED, so of two workers (two processes, a retried job) exactly one gets each
 * row, and the other skips it. Then the e-mail is sent. A crash or an SMTP failure between the
 * claim and the send loses that e-mail (the inbox still has the notification); it is never sent
 * twice. To keep that loss rare, nothing is claimed while the SMTP server does not answer.
 *
 * Only recent rows are looked at (IMMEDIATE_WINDOW_MS, DIGEST_WINDOW_MS): rows recorded while
 * SMTP was not configured, or of a category set to OFF, stay unmarked and simply age out, so
 * turning e-mail on later does not flood anyone with old news. Rows of people who are no longer
 * active members of the workspace are never claimed: e-mail says nothing to a former member.
 */

export const IMMEDIATE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DIGEST_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
const BATCH = 100;
/** At most this many items are listed in one digest; the rest are counted. */
export const DIGEST_LISTED = 50;

/** Sends one message; `null` means e-mail is not configured (nothing is claimed, nothing sent). */
export type Mailer = {
  reachable: () => Promise<boolean>;
  send: (message: MailMessage) => Promise<MailResult>;
};

export const smtpMailer: Mailer = { reachable: mailServerReachable, send: sendMail };

export function configuredMailer(): Mailer | null {
  return mailConfigured() ? smtpMailer : null;
}

type ClaimedRow = {
  id: string;
  workspaceId: string;
  userId: string;
  category: NotificationCategoryName;
  title: string;
  body: string | null;
  link: string;
  createdAt: Date;
};

// The delivery a row's category has for its person: their choice, else the default. Built from
// DEFAULT_DELIVERY so the SQL and the settings page cannot disagree.
const effectiveDelivery = Prisma.sql`COALESCE(p.delivery::text, CASE n.category::text ${Prisma.join(
  Object.entries(DEFAULT_DELIVERY).map(
    ([category, delivery]) => Prisma.sql`WHEN ${category} THEN ${delivery}`,
  ),
  " ",
)} END)`;

const eligible = Prisma.sql`
  JOIN "User" u ON u.id = n."userId" AND u.active
  JOIN "Membership" m ON m."workspaceId" = n."workspaceId" AND m."userId" = n."userId"
    AND m."deactivatedAt" IS NULL
  LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p.category = n.category`;

/** Claims up to `limit` unsent rows of `delivery`, optionally of one person and workspace. */
async function claim({
  delivery,
  since,
  now,
  limit,
  group,
}: {
  delivery: NotificationDeliveryName;
  since: Date;
  now: Date;
  limit: number;
  group?: { userId: string; workspaceId: string };
}): Promise<ClaimedRow[]> {
  const inGroup = group
    ? Prisma.sql`AND n."userId" = ${group.userId} AND n."workspaceId" = ${group.workspaceId}`
    : Prisma.empty;
  return db.$queryRaw<ClaimedRow[]>`
    WITH picked AS (
      SELECT n.id FROM "Notification" n ${eligible}
      WHERE n."emailedAt" IS NULL AND n."createdAt" >= ${since} ${inGroup}
        AND ${effectiveDelivery} = ${delivery}
      ORDER BY n."createdAt", n.id
      LIMIT ${limit}
      FOR UPDATE OF n SKIP LOCKED
    )
    UPDATE "Notification" n SET "emailedAt" = ${now}
    FROM picked WHERE n.id = picked.id AND n."emailedAt" IS NULL
    RETURNING n.id, n."workspaceId", n."userId", n.category::text AS category, n.title, n.body,
      n.link, n."createdAt"`;
}

/** Whether any row waits for `delivery`: checked first, so an idle run opens no SMTP connection. */
async function anyPending(delivery: NotificationDeliveryName, since: Date): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "Notification" n ${eligible}
    WHERE n."emailedAt" IS NULL AND n."createdAt" >= ${since}
      AND ${effectiveDelivery} = ${delivery}
    LIMIT 1`;
  return rows.length > 0;
}

async function recipients(rows: readonly { userId: string; workspaceId: string }[]) {
  const [users, workspaces] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.userId))] } },
      select: { id: true, email: true, name: true },
    }),
    db.workspace.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.workspaceId))] } },
      select: { id: true, name: true },
    }),
  ]);
  return {
    user: new Map(users.map((user) => [user.id, user])),
    workspace: new Map(workspaces.map((workspace) => [workspace.id, workspace])),
  };
}

function settingsFooter(base: string, why: string): string {
  return [
    "",
    "--",
    why,
    `Choose how you are told about each kind of notification: ${base}${NOTIFICATION_SETTINGS_PATH}`,
  ].join("\n");
}

/** The e-mail for one notification. */
export function immediateMessage(input: {
  to: string;
  workspaceName: string;
  row: Pick<ClaimedRow, "category" | "title" | "body" | "link">;
  base?: string;
}): MailMessage {
  const base = input.base ?? appUrl();
  const { row } = input;
  return {
    to: input.to,
    subject: `[${input.workspaceName}] ${row.title}`,
    text: [
      row.title,
      ...(row.body ? ["", row.body] : []),
      "",
      `Open it: ${base}${row.link}`,
      settingsFooter(
        base,
        `You receive this e-mail at once for "${CATEGORY_LABELS[row.category]}" in ${input.workspaceName}.`,
      ),
    ].join("\n"),
  };
}

/** The daily e-mail of one person and workspace. */
export function digestMessage(input: {
  to: string;
  workspaceName: string;
  rows: readonly Pick<ClaimedRow, "title" | "link">[];
  base?: string;
}): MailMessage {
  const base = input.base ?? appUrl();
  const count = input.rows.length;
  const listed = input.rows.slice(0, DIGEST_LISTED);
  const more = count - listed.length;
  return {
    to: input.to,
    subject: `[${input.workspaceName}] Daily summary: ${count} notification${count === 1 ? "" : "s"}`,
    text: [
      `What happened in ${input.workspaceName} for you:`,
      "",
      ...listed.flatMap((row) => [`- ${row.title}`, `  ${base}${row.link}`]),
      ...(more > 0 ? ["", `…and ${more} more in your inbox.`] : []),
      settingsFooter(
        base,
        "You receive this summary for the categories you set to a daily digest.",
      ),
    ].join("\n"),
  };
}

export type EmailRun = { claimed: number; sent: number; failed: number; skipped?: string };

/**
 * Claims and e-mails the unsent notifications whose category the person wants at once, in
 * batches, until none are left. Without e-mail configured (`mailer` null) or with the SMTP server
 * not answering, it claims nothing.
 */
export async function sendImmediateNotificationEmails({
  mailer = configuredMailer(),
  now = new Date(),
  signal,
}: { mailer?: Mailer | null; now?: Date; signal?: AbortSignal } = {}): Promise<EmailRun> {
  const run: EmailRun = { claimed: 0, sent: 0, failed: 0 };
  if (!mailer) return { ...run, skipped: "e-mail is not configured (SMTP_URL)" };
  const since = new Date(now.getTime() - IMMEDIATE_WINDOW_MS);
  if (!(await anyPending("IMMEDIATE", since))) return run;
  if (!(await mailer.reachable())) return { ...run, skipped: "the SMTP server does not answer" };
  for (;;) {
    if (signal?.aborted) break;
    const rows = await claim({ delivery: "IMMEDIATE", since, now: new Date(), limit: BATCH });
    if (rows.length === 0) break;
    run.claimed += rows.length;
    const who = await recipients(rows);
    for (const row of rows) {
      const user = who.user.get(row.userId);
      const workspace = who.workspace.get(row.workspaceId);
      if (!user || !workspace) continue;
      const result = await mailer.send(
        immediateMessage({ to: user.email, workspaceName: workspace.name, row }),
      );
      if (result.sent) run.sent++;
      else run.failed++;
    }
    if (rows.length < BATCH) break;
  }
  if (run.failed > 0)
    logger.error(run, "some notification e-mails were not delivered (not retried)");
  return run;
}

/**
 * Claims and e-mails, per person and workspace, the unsent notifications whose category the
 * person wants once a day: one e-mail per group. Each group is claimed in one statement, so two
 * workers that pick the same group send it once (the second claims nothing).
 */
export async function sendNotificationDigests({
  mailer = configuredMailer(),
  now = new Date(),
  signal,
}: { mailer?: Mailer | null; now?: Date; signal?: AbortSignal } = {}): Promise<EmailRun> {
  const run: EmailRun = { claimed: 0, sent: 0, failed: 0 };
  if (!mailer) return { ...run, skipped: "e-mail is not configured (SMTP_URL)" };
  const since = new Date(now.getTime() - DIGEST_WINDOW_MS);
  if (!(await anyPending("DIGEST", since))) return run;
  if (!(await mailer.reachable())) return { ...run, skipped: "the SMTP server does not answer" };
  for (;;) {
    if (signal?.aborted) break;
    const groups = await db.$queryRaw<{ userId: string; workspaceId: string }[]>`
      SELECT DISTINCT n."userId", n."workspaceId" FROM "Notification" n ${eligible}
      WHERE n."emailedAt" IS NULL AND n."createdAt" >= ${since}
        AND ${effectiveDelivery} = 'DIGEST'
      ORDER BY n."userId", n."workspaceId"
      LIMIT ${BATCH}`;
    if (groups.length === 0) break;
    const who = await recipients(groups);
    let claimedHere = 0;
    for (const group of groups) {
      // A group larger than one claim is rare (DIGEST_WINDOW_MS of reminders); it is all claimed
      // here, so it still makes one e-mail.
      const rows: ClaimedRow[] = [];
      for (;;) {
        const batch = await claim({
          delivery: "DIGEST",
          since,
          now: new Date(),
          limit: 1000,
          group,
        });
        rows.push(...batch);
        if (batch.length < 1000) break;
      }
      if (rows.length === 0) continue;
      claimedHere += rows.length;
      run.claimed += rows.length;
      const user = who.user.get(group.userId);
      const workspace = who.workspace.get(group.workspaceId);
      if (!user || !workspace) continue;
      rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      const result = await mailer.send(
        digestMessage({ to: user.email, workspaceName: workspace.name, rows }),
      );
      if (result.sent) run.sent++;
      else run.failed++;
    }
    // Nothing claimed this round: another worker holds or sent every group found.
    if (claimedHere === 0) break;
  }
  if (run.failed > 0)
    logger.error(run, "some notification digests were not delivered (not retried)");
  return run;
}

import "server-only";

import nodemailer from "nodemailer";

import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type MailMessage = { to: string; subject: string; text: string };
export type MailResult = { sent: true } | { sent: false; reason: string };

let transport: nodemailer.Transporter | undefined;

/** Whether SMTP_URL is set: without it nothing is ever sent. */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Whether the SMTP server answers now (connects and greets). The notification jobs ask before
 * they claim anything, so a server that is down leaves the notifications for the next run
 * instead of spending them on e-mails that cannot leave.
 */
export async function mailServerReachable(): Promise<boolean> {
  const { SMTP_URL } = env();
  if (!SMTP_URL) return false;
  try {
    transport ??= nodemailer.createTransport(SMTP_URL);
    await transport.verify();
    return true;
  } catch (error) {
    logger.warn({ err: error }, "mail server not reachable");
    return false;
  }
}

/**
 * Sends an e-mail through SMTP_URL. Without SMTP configured it sends nothing and says so, and the
 * caller shows the link to copy instead. A delivery failure is reported, never thrown: the change
 * that triggered the mail has already been committed and stays valid. Tests mock this module.
 */
export async function sendMail(message: MailMessage): Promise<MailResult> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return { sent: false, reason: "E-mail is not configured (SMTP_URL)." };
  try {
    transport ??= nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({
      from: SMTP_FROM ?? "AI SRM Workspace <no-reply@localhost>",
      ...message,
    });
    return { sent: true };
  } catch (error) {
    logger.error({ err: error }, "mail delivery failed");
    return { sent: false, reason: "The e-mail could not be delivered." };
  }
}

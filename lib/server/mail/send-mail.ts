import "server-only";

import nodemailer from "nodemailer";

import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type MailMessage = { to: string; subject: string; text: string };
export type MailResult = { sent: true } | { sent: false; reason: string };

let transport: nodemailer.Transporter | undefined;

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

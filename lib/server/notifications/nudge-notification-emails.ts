import "server-only";

import { logger } from "@/lib/log/logger";
import { servesJobKind, startedJobQueue, wakeWorkers } from "@/lib/server/jobs/job-queue";

export const SEND_NOTIFICATION_EMAILS = "send-notification-emails";
const DELAY_SECONDS = 2;

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Asks for a `send-notification-emails` run a moment from now, so an IMMEDIATE e-mail leaves
 * within seconds instead of at the next minute of its schedule. Called by recordNotifications
 * while the caller's transaction is still open: the job is sent outside that transaction and runs
 * DELAY_SECONDS later, by when the rows are normally committed; if not (a long transaction, a
 * rollback), it finds nothing and the schedule sends them at its next run. Nothing here can fail
 * the caller: without a started queue it does nothing, and a failed send is only logged. Several
 * calls within the delay make one job.
 */
export function nudgeNotificationEmails(): void {
  if (pending || !servesJobKind(SEND_NOTIFICATION_EMAILS)) return;
  pending = setTimeout(() => {
    pending = undefined;
    const boss = startedJobQueue();
    if (!boss) return;
    boss
      .send(SEND_NOTIFICATION_EMAILS, {})
      .then(() => wakeWorkers(SEND_NOTIFICATION_EMAILS))
      .catch((error: unknown) => {
        logger.warn({ err: error }, "could not queue the notification e-mails early");
      });
  }, DELAY_SECONDS * 1000);
  pending.unref?.();
}

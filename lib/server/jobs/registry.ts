import "server-only";

import { approvalsExpireJob } from "@/lib/server/approvals/expire-approvals";
import { coverageSnapshotJob, coverageSnapshotsJob } from "@/lib/server/coverage/snapshot-jobs";
import { deleteEvidenceFileJob } from "@/lib/server/evidence/delete-evidence-file-job";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import {
  purgeExpiredExportsJob,
  recoverLostExportsJob,
} from "@/lib/server/exports/export-maintenance-jobs";
import type { AnyJobKind } from "@/lib/server/jobs/job-kind";
import {
  notificationDigestJob,
  notificationRemindersJob,
  sendNotificationEmailsJob,
} from "@/lib/server/notifications/notification-jobs";
import { planProgressJob } from "@/lib/server/plans/plan-progress-job";
import { purgeExpiredReportsJob } from "@/lib/server/reports/purge-expired-reports";
import { reportPdfJob } from "@/lib/server/reports/report-pdf-job";
import { sweepStorageJob } from "@/lib/server/storage/sweep-storage-job";
import {
  purgeDeletedWorkspacesJob,
  workspacePurgeJob,
} from "@/lib/server/workspaces/workspace-purge-jobs";

/**
 * Every job kind of the app. A process that works jobs creates their queues, works them and
 * declares their schedules; one that only sends creates their queues. To add a kind, see
 * job-kind.ts.
 */
export const JOB_KINDS: readonly AnyJobKind[] = [
  exportBundleJob,
  purgeExpiredExportsJob,
  recoverLostExportsJob,
  coverageSnapshotsJob,
  coverageSnapshotJob,
  deleteEvidenceFileJob,
  sweepStorageJob,
  reportPdfJob,
  purgeExpiredReportsJob,
  workspacePurgeJob,
  purgeDeletedWorkspacesJob,
  approvalsExpireJob,
  sendNotificationEmailsJob,
  notificationDigestJob,
  notificationRemindersJob,
  planProgressJob,
];

/** A kind's label for people, also for kinds no longer in the registry (old failures). */
export function jobKindLabel(name: string): string {
  return JOB_KINDS.find((kind) => kind.name === name)?.label ?? name;
}

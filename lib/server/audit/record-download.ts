import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export type DownloadKind = "evidence.download" | "export.download" | "audit.download";

/**
 * Audits a download that is about to be served: evidence files, export bundles and the audit
 * log carry a workspace's most sensitive content out of it, so who took which, and when, belongs
 * in the log like any change. Called by the download routes (session and API alike) once the
 * file was found and the answer is ready, so refused and missing downloads leave no event.
 */
export async function recordDownload(input: {
  workspaceId: string;
  actor: AuditActor;
  action: DownloadKind;
  entityType: string;
  entityId: string | null;
  detail?: Record<string, unknown>;
}): Promise<void> {
  await workspaceTransaction(input.workspaceId, "recordDownload", (tx) =>
    recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      diff: input.detail ?? {},
    }),
  );
}

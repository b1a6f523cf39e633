import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Audits an SSP export: it carries the workspace's systems, owners and evidence hashes out of it,
 * like a bundle. Recorded once the document was built, so a refused export leaves no event.
 */
export async function recordOscalExport(input: {
  workspaceId: string;
  actor: AuditActor;
  systemIds: string[] | undefined;
  via: "api" | "cli";
}): Promise<void> {
  await workspaceTransaction(input.workspaceId, "recordOscalExport", (tx) =>
    recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "export.oscal",
      entityType: "Workspace",
      entityId: input.workspaceId,
      diff: {
        document: "system-security-plan",
        systemIds: input.systemIds ?? null,
        via: input.via,
      },
    }),
  );
}

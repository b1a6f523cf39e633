import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Renames a workspace; the slug (and so every URL) stays the same. */
export async function renameWorkspace(args: {
  workspaceId: string;
  actor: AuditActor;
  name: string;
}) {
  return workspaceTransaction(args.workspaceId, "renameWorkspace", async (tx) => {
    const before = await tx.workspace.findUnique({
      where: { id: args.workspaceId },
      select: { name: true },
    });
    if (!before) throw new NotFoundError();
    if (before.name === args.name) return { changed: false };
    await tx.workspace.updateMany({ where: { id: args.workspaceId }, data: { name: args.name } });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "workspace.rename",
      entityType: "Workspace",
      entityId: args.workspaceId,
      diff: { name: { from: before.name, to: args.name } },
    });
    return { changed: true };
  });
}

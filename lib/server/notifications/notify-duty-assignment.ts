import "server-only";

import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { recordNotifications } from "@/lib/server/notifications/record-notifications";
import { dutyHref } from "@/lib/view/dashboard/labels";

type AssignedDuty = {
  id: string;
  /** The duty's version after the change: the dedupe key names this assignment, not the duty. */
  version: number;
  systemId: string;
  systemName: string;
  domainKey: string;
  side: string;
};

/** How many assigned duties one notification lists one by one; more become one summary. */
const ONE_BY_ONE = 10;

/**
 * Tells the new owner of duties that they were assigned to them, inside the transaction that
 * assigns them. Nobody is told of their own doing (a person assigning to themself); a token's
 * change is told to the owner, whoever made the token. A bulk assignment of many duties makes one
 * summary notification linking to "My responsibilities" rather than an e-mail per duty.
 */
export async function notifyDutyAssignment(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    actor,
    ownerId,
    duties,
  }: { workspaceId: string; actor: AuditActor; ownerId: string | null; duties: AssignedDuty[] },
): Promise<number> {
  if (!ownerId || duties.length === 0) return 0;
  if (actor.type === "USER" && actor.id === ownerId) return 0;
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { slug: true },
  });
  const by = actor.type === "USER" ? actor.label : `the API token ${actor.label}`;
  if (duties.length > ONE_BY_ONE) {
    return recordNotifications(tx, workspaceId, [
      {
        userId: ownerId,
        category: "ASSIGNMENT",
        event: "duty.assigned",
        // One bulk change is one event; a retried transaction rolled the earlier attempt back.
        dedupeKey: `duty.assigned-bulk:${randomUUID()}`,
        title: `${duties.length} duties were assigned to you`,
        body: `Assigned by ${by}.`,
        link: `/w/${encodeURIComponent(workspace.slug)}/my-duties`,
        entityType: "Duty",
        entityId: null,
      },
    ]);
  }
  return recordNotifications(
    tx,
    workspaceId,
    duties.map((duty) => ({
      userId: ownerId,
      category: "ASSIGNMENT" as const,
      event: "duty.assigned",
      dedupeKey: `duty.assigned:${duty.id}:${duty.version}`,
      title: `Assigned to you: ${duty.systemName} · ${duty.domainKey} (${duty.side === "PROVIDER" ? "provider" : "customer"})`,
      body: `Assigned by ${by}.`,
      link: dutyHref({ slug: workspace.slug, systemId: duty.systemId, domainKey: duty.domainKey }),
      entityType: "Duty",
      entityId: duty.id,
    })),
  );
}

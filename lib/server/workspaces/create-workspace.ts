import "server-only";

import { randomBytes } from "node:crypto";

import { lockWorkspaces, retryingTransaction } from "@/lib/db/transaction";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { slugify } from "@/lib/validation/workspace";

export type CreateWorkspaceArgs = {
  ownerId: string;
  actor: AuditActor;
  name: string;
  /** Chosen URL name; when absent one is derived from the name and made unique. */
  slug?: string;
};

/** Creates a workspace with its first OWNER inside an existing transaction (sign-up uses this). */
export async function createWorkspaceInTransaction(
  tx: Prisma.TransactionClient,
  args: CreateWorkspaceArgs,
) {
  const slug = args.slug ?? (await freeSlug(tx, slugify(args.name)));
  if (args.slug && (await tx.workspace.findUnique({ where: { slug }, select: { id: true } }))) {
    throw ValidationError.forField("slug", "That URL name is already taken. Choose another one.");
  }
  const workspace = await tx.workspace.create({ data: { slug, name: args.name } });
  // Nobody else sees the new row before the commit; the lock is what the audit chain asks for.
  await lockWorkspaces(tx, [workspace.id]);
  const membership = await tx.membership.create({
    data: { workspaceId: workspace.id, userId: args.ownerId, role: "OWNER" },
  });
  await recordAuditEvent(tx, {
    workspaceId: workspace.id,
    actor: args.actor,
    action: "workspace.create",
    entityType: "Workspace",
    entityId: workspace.id,
    diff: { name: { to: workspace.name }, slug: { to: workspace.slug } },
  });
  await recordAuditEvent(tx, {
    workspaceId: workspace.id,
    actor: args.actor,
    action: "member.add",
    entityType: "Membership",
    entityId: membership.id,
    diff: { userId: args.ownerId, role: { to: "OWNER" } },
  });
  return workspace;
}

export async function createWorkspace(args: CreateWorkspaceArgs) {
  return retryingTransaction("createWorkspace", (tx) => createWorkspaceInTransaction(tx, args));
}

async function freeSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate =
      attempt === 0 ? base : `${base.slice(0, 40)}-${randomBytes(2).toString("hex")}`;
    const taken = await tx.workspace.findUnique({
      where: { slug: candidate },
      select: { id: true },
    });
    if (!taken) return candidate;
  }
  return `${base.slice(0, 36)}-${randomBytes(4).toString("hex")}`;
}

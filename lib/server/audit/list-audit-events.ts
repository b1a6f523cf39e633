import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditFilters = {
  actor?: string;
  entityType?: string;
  action?: string;
  from?: Date;
  /** Inclusive end (the whole day when the page passes a date). */
  to?: Date;
};

export const AUDIT_PAGE_SIZE = 25;

/** One page of a workspace's audit events, newest first, with the filter choices. */
export async function listAuditEvents(args: {
  workspaceId: string;
  filters: AuditFilters;
  page: number;
}) {
  const { workspaceId, filters } = args;
  const where: Prisma.AuditEventWhereInput = {
    workspaceId,
    ...(filters.actor ? { actorLabel: filters.actor } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: filters.from } : {}),
            ...(filters.to ? { lte: filters.to } : {}),
          },
        }
      : {}),
  };
  const page = Math.max(1, Math.floor(args.page));
  const [total, events, actors, entityTypes, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        seq: true,
        actorType: true,
        actorLabel: true,
        action: true,
        entityType: true,
        entityId: true,
        diff: true,
        createdAt: true,
        hash: true,
      },
    }),
    db.auditEvent.findMany({
      where: { workspaceId },
      distinct: ["actorLabel"],
      select: { actorLabel: true },
      orderBy: { actorLabel: "asc" },
    }),
    db.auditEvent.findMany({
      where: { workspaceId },
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
    }),
    db.auditEvent.findMany({
      where: { workspaceId },
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events,
    choices: {
      actors: actors.map((a) => a.actorLabel),
      entityTypes: entityTypes.map((e) => e.entityType),
      actions: actions.map((a) => a.action),
    },
  };
}

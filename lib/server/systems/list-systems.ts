import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SystemListQuery } from "@/lib/validation/systems";

/**
 * The where clause of the system list and export. Every filter is a column of AiSystem, so the
 * query is served by its indexes: (workspaceId, archivedAt, name) for the default view and search,
 * (workspaceId, lifecycle, riskTier), (workspaceId, vendorId) and the GIN index on deploymentModels.
 */
export function systemListWhere(
  workspaceId: string,
  query: Omit<SystemListQuery, "sort" | "page" | "pageSize">,
): Prisma.AiSystemWhereInput {
  const where: Prisma.AiSystemWhereInput = { workspaceId };
  if (query.archived === "active") where.archivedAt = null;
  if (query.archived === "archived") where.archivedAt = { not: null };
  if (query.q) {
    where.OR = [{ name: { contains: query.q, mode: "insensitive" } }, { tags: { has: query.q } }];
  }
  if (query.model) where.deploymentModels = { has: query.model };
  if (query.risk) where.riskTier = query.risk;
  if (query.lifecycle) where.lifecycle = query.lifecycle;
  if (query.vendor) where.vendorId = query.vendor;
  if (query.owner) where.businessOwnerId = query.owner;
  return where;
}

export function systemOrderBy(
  sort: SystemListQuery["sort"],
): Prisma.AiSystemOrderByWithRelationInput[] {
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const key = sort.replace(/^-/, "");
  // The id tie-breaker keeps pages stable when many rows share a value.
  switch (key) {
    case "updated":
      return [{ updatedAt: direction }, { id: "asc" }];
    case "risk":
      return [{ riskTier: { sort: direction, nulls: "last" } }, { name: "asc" }, { id: "asc" }];
    case "lifecycle":
      return [{ lifecycle: direction }, { name: "asc" }, { id: "asc" }];
    default:
      return [{ name: direction }, { id: "asc" }];
  }
}

/**
 * One page of systems with their vendor and duty counts: three queries whatever the page size
 * (page, total, part counts grouped by system and side), never one per row.
 */
export async function listSystems({
  workspaceId,
  query,
}: {
  workspaceId: string;
  query: SystemListQuery;
}) {
  const where = systemListWhere(workspaceId, query);
  const [rows, total] = await Promise.all([
    db.aiSystem.findMany({
      where,
      orderBy: systemOrderBy(query.sort),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        name: true,
        primaryModel: true,
        deploymentModels: true,
        variant: true,
        riskTier: true,
        lifecycle: true,
        tags: true,
        archivedAt: true,
        updatedAt: true,
        businessOwnerId: true,
        frameworkVersionId: true,
        vendor: { select: { id: true, name: true } },
      },
    }),
    db.aiSystem.count({ where }),
  ]);
  const counts = rows.length
    ? await db.duty.groupBy({
        by: ["systemId", "side"],
        where: { workspaceId, systemId: { in: rows.map((row) => row.id) } },
        _count: { _all: true, ownerId: true },
      })
    : [];
  const bySystem = new Map<string, { customer: number; provider: number; owned: number }>();
  for (const group of counts) {
    const entry = bySystem.get(group.systemId) ?? { customer: 0, provider: 0, owned: 0 };
    if (group.side === "CUSTOMER") {
      entry.customer += group._count._all;
      entry.owned += group._count.ownerId;
    } else {
      entry.provider += group._count._all;
    }
    bySystem.set(group.systemId, entry);
  }
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    systems: rows.map((row) => ({
      ...row,
      parts: bySystem.get(row.id) ?? { customer: 0, provider: 0, owned: 0 },
    })),
  };
}
export type SystemListPage = Awaited<ReturnType<typeof listSystems>>;

import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dutyListFromSql, dutyListOrderSql } from "@/lib/server/responsibilities/duty-list-sql";
import { domainNames, loadMatrices } from "@/lib/server/systems/framework-matrix";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import type { ResponsibilityListQuery } from "@/lib/validation/responsibilities";

/**
 * Filters of the responsibility list and export, on parts of active systems. Part columns
 * (status, owner, domain, system) use the part's own indexes; system filters go through the
 * denormalised systemId.
 */
export function responsibilityListWhere(
  workspaceId: string,
  query: Omit<ResponsibilityListQuery, "sort" | "page" | "pageSize">,
): Prisma.DutyWhereInput {
  const system: Prisma.AiSystemWhereInput = { workspaceId, archivedAt: null };
  if (query.model) system.deploymentModels = { has: query.model };
  if (query.risk) system.riskTier = query.risk;
  if (query.lifecycle) system.lifecycle = query.lifecycle;
  if (query.vendor) system.vendorId = query.vendor;
  if (query.q) system.name = { contains: query.q, mode: "insensitive" };
  const where: Prisma.DutyWhereInput = {
    workspaceId,
    responsibility: { is: { system: { is: system } } },
  };
  if (query.system) where.systemId = query.system;
  if (query.domain) where.domainKey = query.domain;
  if (query.status) where.status = query.status;
  if (query.side) where.side = query.side;
  if (query.owner === "none") where.ownerId = null;
  else if (query.owner) where.ownerId = query.owner;
  if (query.critical) {
    where.responsibility = { is: { critical: query.critical === "true", system: { is: system } } };
  }
  return where;
}

export const DUTY_ROW_SELECT = {
  id: true,
  side: true,
  ownerId: true,
  status: true,
  justification: true,
  dueDate: true,
  riskAcceptanceExpiresAt: true,
  riskApproverId: true,
  version: true,
  domainKey: true,
  systemId: true,
  responsibility: {
    select: {
      id: true,
      value: true,
      derivedValue: true,
      overrideValue: true,
      critical: true,
      system: {
        select: {
          id: true,
          name: true,
          riskTier: true,
          lifecycle: true,
          frameworkVersionId: true,
          vendor: { select: { id: true, name: true } },
        },
      },
    },
  },
} satisfies Prisma.DutySelect;

type DutyRow = Prisma.DutyGetPayload<{ select: typeof DUTY_ROW_SELECT }>;

/** Flattens part rows with owner and domain names (two lookups per page, never one per row). */
export async function presentDutyRows(workspaceId: string, rows: DutyRow[]) {
  const [members, matrices] = await Promise.all([
    memberDirectory(workspaceId),
    loadMatrices(
      workspaceId,
      rows.map((row) => row.responsibility.system.frameworkVersionId),
    ),
  ]);
  const names = new Map(
    [...matrices.values()].map((matrix) => [matrix.frameworkVersionId, domainNames(matrix)]),
  );
  return rows.map((row) => ({
    id: row.id,
    side: row.side,
    status: row.status,
    justification: row.justification,
    dueDate: row.dueDate,
    riskAcceptanceExpiresAt: row.riskAcceptanceExpiresAt,
    riskApproverId: row.riskApproverId,
    version: row.version,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? (members.get(row.ownerId)?.name ?? "Former member") : null,
    domainKey: row.domainKey,
    domainName:
      names.get(row.responsibility.system.frameworkVersionId)?.get(row.domainKey) ?? row.domainKey,
    responsibilityId: row.responsibility.id,
    value: row.responsibility.value,
    derivedValue: row.responsibility.derivedValue,
    overridden: row.responsibility.overrideValue !== null,
    critical: row.responsibility.critical,
    system: {
      id: row.responsibility.system.id,
      name: row.responsibility.system.name,
      riskTier: row.responsibility.system.riskTier,
      lifecycle: row.responsibility.system.lifecycle,
      vendorName: row.responsibility.system.vendor?.name ?? null,
    },
  }));
}
export type DutyListRow = Awaited<ReturnType<typeof presentDutyRows>>[number];

/**
 * One page of duties (parts) with filters, sorting and the total: the page's ids and the count in
 * SQL (duty-list-sql.ts), then the rows of those ids in one query.
 */
export async function listResponsibilities({
  workspaceId,
  query,
}: {
  workspaceId: string;
  query: ResponsibilityListQuery;
}) {
  const from = dutyListFromSql(workspaceId, query);
  const [ids, counted] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT p.id ${from} ${dutyListOrderSql(query.sort)}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from}`,
  ]);
  const rows = await db.duty.findMany({
    where: { workspaceId, id: { in: ids.map((row) => row.id) } },
    select: DUTY_ROW_SELECT,
  });
  const position = new Map(ids.map((row, index) => [row.id, index]));
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const total = counted[0]?.n ?? 0;
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    parts: await presentDutyRows(workspaceId, rows),
  };
}

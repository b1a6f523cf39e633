import "server-only";

import { toCsv } from "@/lib/csv/csv";
import { SYSTEM_EXPORT_COLUMNS } from "@/lib/csv/systems-csv";
import { db } from "@/lib/db/client";
import { systemListWhere, systemOrderBy } from "@/lib/server/systems/list-systems";
import type { SystemListQuery } from "@/lib/validation/systems";

/** The systems matching the list's filters as CSV (formula-injection safe, see lib/csv/csv.ts). */
export async function exportSystemsCsv({
  workspaceId,
  query,
}: {
  workspaceId: string;
  query: SystemListQuery;
}): Promise<string> {
  const [systems, members, counts] = await Promise.all([
    db.aiSystem.findMany({
      where: systemListWhere(workspaceId, query),
      orderBy: systemOrderBy(query.sort),
      include: {
        vendor: { select: { name: true } },
        frameworkVersion: { select: { version: true, framework: { select: { key: true } } } },
      },
    }),
    db.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, email: true } } },
    }),
    db.duty.groupBy({
      by: ["systemId", "side"],
      where: { workspaceId },
      _count: { _all: true },
    }),
  ]);
  const emails = new Map(members.map((m) => [m.user.id, m.user.email]));
  const parts = new Map(counts.map((c) => [`${c.systemId}:${c.side}`, c._count._all]));
  return toCsv(
    SYSTEM_EXPORT_COLUMNS,
    systems.map((s) => [
      s.id,
      s.name,
      s.description,
      `${s.frameworkVersion.framework.key}@${s.frameworkVersion.version}`,
      s.primaryModel,
      s.additionalModels.join(";"),
      s.variant,
      s.vendor?.name,
      s.businessOwnerId ? emails.get(s.businessOwnerId) : "",
      s.riskTier,
      s.euAiActCategory,
      s.dataClassification,
      s.lifecycle,
      s.tags.join(";"),
      s.archivedAt,
      parts.get(`${s.id}:CUSTOMER`) ?? 0,
      parts.get(`${s.id}:PROVIDER`) ?? 0,
      s.updatedAt,
    ]),
  );
}

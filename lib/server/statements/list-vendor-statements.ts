import "server-only";

import { db } from "@/lib/db/client";
import type { StatementDiff } from "@/lib/statements/compare";
import { providerStatementSchema } from "@/lib/statements/format";

/**
 * A vendor's imported statements for its page: each with its versions (newest first), the latest
 * document, what changed against the one before and what could not be mapped, and the review
 * items of the latest version with their system's name.
 */
export async function listVendorStatements({
  workspaceId,
  vendorId,
}: {
  workspaceId: string;
  vendorId: string;
}) {
  const statements = await db.importedStatement.findMany({
    where: { workspaceId, vendorId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      productName: true,
      versions: {
        where: { workspaceId },
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          document: true,
          sourceFormat: true,
          unmapped: true,
          diff: true,
          importedAt: true,
          supersededAt: true,
          reviewItems: {
            where: { workspaceId },
            orderBy: [{ systemId: "asc" }, { domainKey: "asc" }],
            select: {
              id: true,
              systemId: true,
              domainKey: true,
              systemValue: true,
              statementValue: true,
              state: true,
            },
          },
        },
      },
    },
  });
  const systemIds = [
    ...new Set(statements.flatMap((s) => s.versions[0]?.reviewItems.map((i) => i.systemId) ?? [])),
  ];
  const systems = await db.aiSystem.findMany({
    where: { workspaceId, id: { in: systemIds } },
    select: { id: true, name: true },
  });
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  return statements.map((statement) => {
    const [latest, ...older] = statement.versions;
    return {
      id: statement.id,
      productName: statement.productName,
      latest: latest
        ? {
            id: latest.id,
            version: latest.version,
            sourceFormat: latest.sourceFormat,
            importedAt: latest.importedAt,
            document: providerStatementSchema.parse(latest.document),
            unmapped: (latest.unmapped ?? []) as string[],
            diff: (latest.diff ?? null) as StatementDiff | null,
            reviewItems: latest.reviewItems.map((item) => ({
              ...item,
              systemName: systemName.get(item.systemId) ?? "(removed system)",
            })),
          }
        : null,
      olderVersions: older.map((v) => ({ version: v.version, importedAt: v.importedAt })),
    };
  });
}

import "server-only";

import { db } from "@/lib/db/client";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";
import { loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import { memberDirectory } from "@/lib/server/systems/member-directory";

/** Choices of the list filters: deployment models (of the newest versions), vendors, members. */
export async function systemFilterOptions(workspaceId: string) {
  const frameworks = await listFrameworks({ workspaceId });
  const [matrices, vendors, members] = await Promise.all([
    Promise.all(
      frameworks.flatMap((f) =>
        f.versions[0]
          ? [loadFrameworkMatrix(db, { workspaceId, frameworkVersionId: f.versions[0].id })]
          : [],
      ),
    ),
    db.vendor.findMany({
      where: { workspaceId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    memberDirectory(workspaceId),
  ]);
  const models = new Map<string, string>();
  const domains = new Map<string, string>();
  for (const matrix of matrices) {
    for (const column of matrix.definition.columns)
      if (!models.has(column.key)) models.set(column.key, column.name);
    for (const row of matrix.definition.rows)
      if (!domains.has(row.key)) domains.set(row.key, row.name);
  }
  return {
    models: [...models].map(([value, label]) => ({ value, label })),
    domains: [...domains].map(([value, label]) => ({ value, label })),
    vendors: vendors.map((v) => ({ value: v.id, label: v.name })),
    members: [...members.values()].map((m) => ({ value: m.id, label: m.name })),
  };
}

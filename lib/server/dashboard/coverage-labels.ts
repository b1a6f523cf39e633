import "server-only";

import { db } from "@/lib/db/client";
import { loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import type { LabelledKey } from "@/lib/view/dashboard/types";

export type CoverageLabels = {
  /** Domains in framework row order (first framework version first), each key once. */
  domains: LabelledKey[];
  /** Deployment models in framework column order. */
  models: LabelledKey[];
};

/**
 * Names of the domain and deployment-model keys the coverage engine returns, read from the
 * framework versions this workspace's systems are assessed against (so an older version's domain
 * keeps its name). Versions are immutable and cached by loadMatrices.
 */
export async function loadCoverageLabels(workspaceId: string): Promise<CoverageLabels> {
  const versions = await db.aiSystem.findMany({
    where: { workspaceId },
    distinct: ["frameworkVersionId"],
    select: { frameworkVersionId: true },
  });
  // A version whose stored definition cannot be read only loses its names (keys are shown
  // instead): the dashboards must not fail over a label.
  const matrices = (
    await Promise.all(
      versions.map((v) =>
        loadFrameworkMatrix(db, { workspaceId, frameworkVersionId: v.frameworkVersionId }).catch(
          () => null,
        ),
      ),
    )
  ).filter((matrix) => matrix !== null);
  const domains = new Map<string, string>();
  const models = new Map<string, string>();
  for (const matrix of matrices) {
    for (const row of matrix.definition.rows)
      if (!domains.has(row.key)) domains.set(row.key, row.name);
    for (const column of matrix.definition.columns)
      if (!models.has(column.key)) models.set(column.key, column.name);
  }
  const list = (map: Map<string, string>) => [...map].map(([key, name]) => ({ key, name }));
  return { domains: list(domains), models: list(models) };
}

/** A name for a key, falling back to the key itself (a key no framework version names any more). */
export function nameOf(list: readonly LabelledKey[], key: string): string {
  return list.find((entry) => entry.key === key)?.name ?? key;
}

import "server-only";

import type { CrosswalkSources } from "@/lib/crosswalks/validate";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleFrameworksWhere } from "@/lib/server/frameworks/framework-scope";

/**
 * The rows of every framework version a scope can see, as the lookup crosswalk validation takes:
 * a workspace's crosswalk may map built-in frameworks and the workspace's own, never another
 * workspace's (a key it cannot see answers "does not exist", like a missing one).
 */
export async function crosswalkSourcesFor(
  tx: Prisma.TransactionClient,
  workspaceId: string | null,
): Promise<CrosswalkSources> {
  const versions = await tx.frameworkVersion.findMany({
    where: { framework: visibleFrameworksWhere(workspaceId) },
    select: { version: true, definition: true, framework: { select: { key: true } } },
  });
  const rows = new Map<string, string[]>();
  for (const row of versions) {
    // Stored definitions were validated on the way in; only their row keys are needed here.
    const definition = row.definition as { rows?: { key?: unknown }[] } | null;
    const keys = (definition?.rows ?? []).map((r) => String(r.key));
    rows.set(`${row.framework.key}@${row.version}`, keys);
  }
  return (framework, version) => rows.get(`${framework}@${version}`) ?? null;
}

import "server-only";

import type { ActiveCrosswalk } from "@/lib/crosswalks/active-mapping";
import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  readStoredCrosswalk,
  visibleCrosswalksWhere,
} from "@/lib/server/crosswalks/crosswalk-scope";
import { BUILTIN_SCOPE, compareVersionsNewestFirst } from "@/lib/server/frameworks/framework-scope";

export type LatestCrosswalk = {
  crosswalkId: string;
  versionId: string;
  crosswalk: ActiveCrosswalk;
  definition: CrosswalkDefinition;
};

// Versions are immutable (a changed crosswalk is a new row), so a parsed definition can be kept
// for as long as the process lives: no process can ever see a different answer for one id.
// Bounded, since imports are rare but unbounded growth is never right.
const parsed = new Map<string, CrosswalkDefinition>();
const MAX_CACHED = 64;

function remember(versionId: string, definition: CrosswalkDefinition): CrosswalkDefinition {
  if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value!);
  parsed.set(versionId, definition);
  return definition;
}

/**
 * The newest version (natural version order) of every crosswalk the scope can see, built-ins
 * first. Only the chosen versions' definitions are read, and each at most once per process.
 */
export async function latestCrosswalks(
  tx: Prisma.TransactionClient,
  workspaceId: string | null,
): Promise<LatestCrosswalk[]> {
  const crosswalks = await tx.crosswalk.findMany({
    where: visibleCrosswalksWhere(workspaceId),
    select: {
      id: true,
      key: true,
      name: true,
      publisher: true,
      scopeKey: true,
      versions: { select: { id: true, version: true, definitionHash: true } },
    },
  });
  const chosen = crosswalks.flatMap((c) => {
    const newest = [...c.versions].sort((a, b) =>
      compareVersionsNewestFirst(a.version, b.version),
    )[0];
    return newest ? [{ crosswalk: c, version: newest }] : [];
  });
  // Taken before the await, so a concurrent call evicting entries cannot leave a gap.
  const known = new Map(
    chosen.flatMap(({ version }) => {
      const hit = parsed.get(version.id);
      return hit ? [[version.id, hit] as const] : [];
    }),
  );
  const missing = chosen.filter(({ version }) => !known.has(version.id)).map((c) => c.version.id);
  const rows =
    missing.length === 0
      ? []
      : await tx.crosswalkVersion.findMany({
          // The ids come from the scope-filtered query above.
          where: { id: { in: missing } },
          select: { id: true, definition: true },
        });
  const json = new Map(rows.map((row) => [row.id, row.definition]));
  return chosen
    .map(({ crosswalk, version }) => ({
      crosswalkId: crosswalk.id,
      versionId: version.id,
      crosswalk: {
        key: crosswalk.key,
        name: crosswalk.name,
        version: version.version,
        publisher: crosswalk.publisher,
        builtIn: crosswalk.scopeKey === BUILTIN_SCOPE,
        definitionHash: version.definitionHash,
      },
      definition:
        known.get(version.id) ??
        remember(
          version.id,
          readStoredCrosswalk(json.get(version.id) ?? null, `${crosswalk.key}@${version.version}`),
        ),
    }))
    .sort(
      (a, b) =>
        Number(b.crosswalk.builtIn) - Number(a.crosswalk.builtIn) ||
        (a.crosswalk.key < b.crosswalk.key ? -1 : 1),
    );
}

import "server-only";

import { db } from "@/lib/db/client";
import { visibleCrosswalksWhere } from "@/lib/server/crosswalks/crosswalk-scope";
import { BUILTIN_SCOPE, compareVersionsNewestFirst } from "@/lib/server/frameworks/framework-scope";

export type CrosswalkVersionSummary = {
  id: string;
  version: string;
  definitionHash: string;
  publishedAt: Date;
};

export type CrosswalkListItem = {
  id: string;
  key: string;
  name: string;
  publisher: string;
  builtIn: boolean;
  /** Newest first (natural version order). */
  versions: CrosswalkVersionSummary[];
};

/** Crosswalks a workspace can see: the built-ins and its own imports, built-ins first. */
export async function listCrosswalks({
  workspaceId,
}: {
  workspaceId: string | null;
}): Promise<CrosswalkListItem[]> {
  const rows = await db.crosswalk.findMany({
    where: visibleCrosswalksWhere(workspaceId),
    select: {
      id: true,
      key: true,
      name: true,
      publisher: true,
      scopeKey: true,
      versions: { select: { id: true, version: true, definitionHash: true, publishedAt: true } },
    },
  });
  return rows
    .map((row) => ({
      id: row.id,
      key: row.key,
      name: row.name,
      publisher: row.publisher,
      builtIn: row.scopeKey === BUILTIN_SCOPE,
      versions: [...row.versions].sort((a, b) => compareVersionsNewestFirst(a.version, b.version)),
    }))
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.key.localeCompare(b.key));
}

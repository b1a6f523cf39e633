import "server-only";

import { db } from "@/lib/db/client";
import {
  BUILTIN_SCOPE,
  compareVersionsNewestFirst,
  visibleFrameworksWhere,
} from "@/lib/server/frameworks/framework-scope";

export type FrameworkVersionSummary = {
  id: string;
  version: string;
  definitionHash: string;
  publishedAt: Date;
};

export type FrameworkSummary = {
  id: string;
  key: string;
  name: string;
  publisher: string;
  builtIn: boolean;
  /** Newest first (natural version order); never empty for a stored framework. */
  versions: FrameworkVersionSummary[];
};

/**
 * Frameworks a workspace can use: every built-in plus the workspace's own imports, never another
 * workspace's. Built-ins come first, then custom frameworks by name.
 */
export async function listFrameworks({
  workspaceId,
}: {
  workspaceId: string | null;
}): Promise<FrameworkSummary[]> {
  const rows = await db.framework.findMany({
    where: visibleFrameworksWhere(workspaceId),
    select: {
      id: true,
      key: true,
      name: true,
      publisher: true,
      scopeKey: true,
      versions: {
        select: { id: true, version: true, definitionHash: true, publishedAt: true },
      },
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
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

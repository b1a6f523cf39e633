import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import {
  BUILTIN_SCOPE,
  compareVersionsNewestFirst,
  readStoredDefinition,
  visibleFrameworksWhere,
} from "@/lib/server/frameworks/framework-scope";
import type {
  FrameworkSummary,
  FrameworkVersionSummary,
} from "@/lib/server/frameworks/list-frameworks";

export type LoadedFrameworkVersion = {
  framework: FrameworkSummary;
  version: FrameworkVersionSummary;
  definition: FrameworkDefinition;
};

/**
 * One version of a framework the workspace can see (a built-in or its own import); `version`
 * omitted means the newest. Another workspace's framework answers exactly like a missing one, so
 * its existence does not leak.
 */
export async function getFrameworkVersion({
  workspaceId,
  key,
  version,
}: {
  workspaceId: string | null;
  key: string;
  version?: string;
}): Promise<LoadedFrameworkVersion> {
  // Imports may not reuse a built-in key, but a built-in shipped later may take a key a workspace
  // already uses; that workspace keeps seeing its own framework under the key.
  const matches = await db.framework.findMany({
    where: { AND: [visibleFrameworksWhere(workspaceId), { key }] },
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
    take: 2,
  });
  const framework = matches.find((m) => m.scopeKey !== BUILTIN_SCOPE) ?? matches[0];
  if (!framework) throw new NotFoundError(`Framework "${key}" was not found.`);

  const versions = [...framework.versions].sort((a, b) =>
    compareVersionsNewestFirst(a.version, b.version),
  );
  const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (!chosen) {
    throw new NotFoundError(
      `Version "${version ?? "latest"}" of framework "${key}" was not found.`,
    );
  }
  // The definition is loaded by the version's id AND its framework's id, which was itself found
  // through the scope filter above.
  const row = await db.frameworkVersion.findFirstOrThrow({
    where: { id: chosen.id, frameworkId: framework.id },
    select: { definition: true },
  });
  return {
    framework: {
      id: framework.id,
      key: framework.key,
      name: framework.name,
      publisher: framework.publisher,
      builtIn: framework.scopeKey === BUILTIN_SCOPE,
      versions,
    },
    version: chosen,
    definition: readStoredDefinition(row.definition, `${key}@${chosen.version}`),
  };
}

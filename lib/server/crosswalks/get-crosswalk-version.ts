import "server-only";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import { serializeCrosswalk } from "@/lib/crosswalks/serialize";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import {
  readStoredCrosswalk,
  visibleCrosswalksWhere,
} from "@/lib/server/crosswalks/crosswalk-scope";
import { BUILTIN_SCOPE, compareVersionsNewestFirst } from "@/lib/server/frameworks/framework-scope";

export type LoadedCrosswalkVersion = {
  key: string;
  name: string;
  builtIn: boolean;
  version: string;
  definitionHash: string;
  definition: CrosswalkDefinition;
};

/**
 * One version of a crosswalk the workspace can see; `version` omitted means the newest. Another
 * workspace's crosswalk answers exactly like a missing one.
 */
export async function getCrosswalkVersion({
  workspaceId,
  key,
  version,
}: {
  workspaceId: string | null;
  key: string;
  version?: string;
}): Promise<LoadedCrosswalkVersion> {
  // A workspace never owns a built-in key (imports refuse it), so at most one row matches.
  const crosswalk = await db.crosswalk.findFirst({
    where: { AND: [visibleCrosswalksWhere(workspaceId), { key }] },
    select: {
      id: true,
      key: true,
      name: true,
      scopeKey: true,
      versions: { select: { id: true, version: true, definitionHash: true } },
    },
  });
  if (!crosswalk) throw new NotFoundError(`Crosswalk "${key}" was not found.`);
  const versions = [...crosswalk.versions].sort((a, b) =>
    compareVersionsNewestFirst(a.version, b.version),
  );
  const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (!chosen) {
    throw new NotFoundError(
      `Version "${version ?? "latest"}" of crosswalk "${key}" was not found.`,
    );
  }
  const row = await db.crosswalkVersion.findFirstOrThrow({
    where: { id: chosen.id, crosswalkId: crosswalk.id },
    select: { definition: true },
  });
  return {
    key: crosswalk.key,
    name: crosswalk.name,
    builtIn: crosswalk.scopeKey === BUILTIN_SCOPE,
    version: chosen.version,
    definitionHash: chosen.definitionHash,
    definition: readStoredCrosswalk(row.definition, `${key}@${chosen.version}`),
  };
}

/** The canonical file of one version: the same bytes from the CLI, the API and a download. */
export async function exportCrosswalkVersion(input: {
  workspaceId: string | null;
  key: string;
  version: string;
  format: "json" | "yaml";
}): Promise<{ fileName: string; contentType: string; content: string }> {
  const loaded = await getCrosswalkVersion(input);
  return {
    fileName: `${loaded.key}-${loaded.version}.${input.format}`,
    contentType: input.format === "json" ? "application/json" : "application/yaml",
    content: serializeCrosswalk(loaded.definition, input.format),
  };
}

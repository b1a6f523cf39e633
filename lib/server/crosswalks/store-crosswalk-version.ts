import "server-only";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import { canonicalizeCrosswalk, crosswalkHash } from "@/lib/crosswalks/serialize";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  BUILTIN_SCOPE,
  compareVersionsNewestFirst,
  scopeKeyFor,
} from "@/lib/server/frameworks/framework-scope";

export type StoreCrosswalkOutcome =
  | { status: "created"; crosswalkId: string; versionId: string; created: boolean; hash: string }
  | { status: "unchanged"; crosswalkId: string; versionId: string; hash: string }
  /** The version exists with other content; published versions are never modified. */
  | { status: "conflict"; storedHash: string; hash: string }
  /** A workspace tried to use a built-in crosswalk's key. */
  | { status: "reserved-key" };

/**
 * Stores one validated crosswalk in a scope (a workspace, or built-in when `workspaceId` is null)
 * inside the caller's transaction, in canonical form, so exports are byte-stable. Never updates an
 * existing version: same content is a no-op, other content under the same version is a conflict.
 */
export async function storeCrosswalkVersion(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    definition,
    importedById,
  }: { workspaceId: string | null; definition: CrosswalkDefinition; importedById: string | null },
): Promise<StoreCrosswalkOutcome> {
  const hash = crosswalkHash(definition);
  if (workspaceId !== null) {
    // As with frameworks: pages, the API and the CLI address crosswalks by key, and a workspace's
    // "ai-srm-standards" would silently stand in for the built-in one.
    const builtIn = await tx.crosswalk.findUnique({
      where: { scopeKey_key: { scopeKey: BUILTIN_SCOPE, key: definition.key } },
      select: { id: true },
    });
    if (builtIn) return { status: "reserved-key" };
  }
  const existing = await tx.crosswalk.findUnique({
    where: { scopeKey_key: { scopeKey: scopeKeyFor(workspaceId), key: definition.key } },
    select: { id: true, workspaceId: true },
  });
  // Fail closed if a row's scopeKey and workspaceId ever disagree.
  const crosswalk = existing && existing.workspaceId === workspaceId ? existing : null;
  if (crosswalk) {
    const stored = await tx.crosswalkVersion.findUnique({
      where: { crosswalkId_version: { crosswalkId: crosswalk.id, version: definition.version } },
      select: { id: true, definitionHash: true },
    });
    if (stored?.definitionHash === hash) {
      return { status: "unchanged", crosswalkId: crosswalk.id, versionId: stored.id, hash };
    }
    if (stored) return { status: "conflict", storedHash: stored.definitionHash, hash };
  }
  const crosswalkId =
    crosswalk?.id ??
    (
      await tx.crosswalk.create({
        data: {
          scopeKey: scopeKeyFor(workspaceId),
          workspaceId,
          key: definition.key,
          name: definition.name,
          publisher: definition.publisher,
        },
        select: { id: true },
      })
    ).id;
  const version = await tx.crosswalkVersion.create({
    data: {
      crosswalkId,
      version: definition.version,
      definition: canonicalizeCrosswalk(definition) as Prisma.InputJsonValue,
      definitionHash: hash,
      importedById,
    },
    select: { id: true },
  });
  if (crosswalk) {
    // Name and publisher follow the newest version (natural order), not the last import.
    const versions = await tx.crosswalkVersion.findMany({
      where: { crosswalkId },
      select: { version: true },
    });
    const newest = versions.map((v) => v.version).sort(compareVersionsNewestFirst)[0];
    if (newest === definition.version) {
      await tx.crosswalk.update({
        where: { id: crosswalkId },
        data: { name: definition.name, publisher: definition.publisher },
      });
    }
  }
  return { status: "created", crosswalkId, versionId: version.id, created: !crosswalk, hash };
}

import "server-only";

import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import { canonicalizeFrameworkDefinition, definitionHash } from "@/lib/frameworks/serialize";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  BUILTIN_SCOPE,
  compareVersionsNewestFirst,
  scopeKeyFor,
} from "@/lib/server/frameworks/framework-scope";

export type StoreFrameworkOutcome =
  | {
      status: "created";
      frameworkId: string;
      versionId: string;
      frameworkCreated: boolean;
      hash: string;
    }
  | { status: "unchanged"; frameworkId: string; versionId: string; hash: string }
  /** The version string exists with other content; published versions are never modified. */
  | { status: "conflict"; frameworkId: string; versionId: string; hash: string; storedHash: string }
  /** A workspace tried to use a built-in framework's key. */
  | { status: "reserved-key" };

/**
 * Decides what storing `definition` in a scope would do, without writing. Shared by the import
 * preview and the write below so both always agree.
 */
export async function planFrameworkVersion(
  tx: Prisma.TransactionClient,
  { workspaceId, definition }: { workspaceId: string | null; definition: FrameworkDefinition },
): Promise<
  | { status: "new-framework"; hash: string }
  | { status: "new-version"; frameworkId: string; hash: string }
  | Exclude<StoreFrameworkOutcome, { status: "created" }>
> {
  const hash = definitionHash(definition);
  if (workspaceId !== null) {
    // Decision: a workspace cannot reuse a built-in key. URLs, the API and the CLI address a
    // framework by key, and a custom "ai-security-srm" would silently stand in for the real one.
    const builtIn = await tx.framework.findUnique({
      where: { scopeKey_key: { scopeKey: BUILTIN_SCOPE, key: definition.key } },
      select: { id: true },
    });
    if (builtIn) return { status: "reserved-key" };
  }
  const framework = await tx.framework.findUnique({
    where: { scopeKey_key: { scopeKey: scopeKeyFor(workspaceId), key: definition.key } },
    select: { id: true, workspaceId: true },
  });
  // Fail closed if a row's scopeKey and workspaceId ever disagree.
  if (!framework || framework.workspaceId !== workspaceId) return { status: "new-framework", hash };
  const existing = await tx.frameworkVersion.findUnique({
    where: { frameworkId_version: { frameworkId: framework.id, version: definition.version } },
    select: { id: true, definitionHash: true },
  });
  if (!existing) return { status: "new-version", frameworkId: framework.id, hash };
  if (existing.definitionHash === hash) {
    return { status: "unchanged", frameworkId: framework.id, versionId: existing.id, hash };
  }
  return {
    status: "conflict",
    frameworkId: framework.id,
    versionId: existing.id,
    hash,
    storedHash: existing.definitionHash,
  };
}

/**
 * Stores one validated definition in a scope (a workspace, or built-in when `workspaceId` is null)
 * inside the caller's transaction. Never updates an existing version: same content is a no-op and
 * different content under an existing version string is reported as a conflict for the caller to
 * refuse. The definition is stored in canonical form, so exports are byte-stable.
 */
export async function storeFrameworkVersion(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    definition,
    importedById,
  }: { workspaceId: string | null; definition: FrameworkDefinition; importedById: string | null },
): Promise<StoreFrameworkOutcome> {
  const plan = await planFrameworkVersion(tx, { workspaceId, definition });
  if (plan.status !== "new-framework" && plan.status !== "new-version") return plan;

  let frameworkId: string;
  if (plan.status === "new-framework") {
    const created = await tx.framework.create({
      data: {
        scopeKey: scopeKeyFor(workspaceId),
        workspaceId,
        key: definition.key,
        name: definition.name,
        publisher: definition.publisher,
      },
      select: { id: true },
    });
    frameworkId = created.id;
  } else {
    frameworkId = plan.frameworkId;
  }

  const version = await tx.frameworkVersion.create({
    data: {
      frameworkId,
      version: definition.version,
      definition: canonicalizeFrameworkDefinition(definition) as Prisma.InputJsonValue,
      definitionHash: plan.hash,
      importedById,
    },
    select: { id: true },
  });

  if (plan.status === "new-version") {
    // The framework's name and publisher follow its newest version (natural version order).
    const versions = await tx.frameworkVersion.findMany({
      where: { frameworkId },
      select: { version: true },
    });
    const newest = versions.map((v) => v.version).sort(compareVersionsNewestFirst)[0];
    if (newest === definition.version) {
      await tx.framework.update({
        where: { id: frameworkId },
        data: { name: definition.name, publisher: definition.publisher },
      });
    }
  }
  return {
    status: "created",
    frameworkId,
    versionId: version.id,
    frameworkCreated: plan.status === "new-framework",
    hash: plan.hash,
  };
}

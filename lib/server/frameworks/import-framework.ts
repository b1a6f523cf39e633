import "server-only";

import { can } from "@/lib/auth/permissions";
import { lockWorkspaces, retryingTransaction } from "@/lib/db/transaction";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import {
  FrameworkDefinitionInvalidError,
  type FrameworkDefinitionSummary,
  type FrameworkImportSource,
  readFrameworkImportSource,
  RESERVED_FRAMEWORK_KEYS,
  summarizeDefinition,
} from "@/lib/server/frameworks/framework-import-source";
import { storeFrameworkVersion } from "@/lib/server/frameworks/store-framework-version";

/**
 * Where an import goes: a workspace (from the web app or the API, with the caller's role and audit
 * actor), or the built-in catalog (`workspaceId: null`, only from the operator's command line).
 */
export type FrameworkImportTarget =
  { workspaceId: string; role: string; actor: AuditActor } | { workspaceId: null };

export type FrameworkImportResult = FrameworkDefinitionSummary & {
  /** "unchanged": the same key, version and content were already stored; nothing was written. */
  status: "created" | "unchanged";
  frameworkCreated: boolean;
  frameworkId: string;
  versionId: string;
  builtIn: boolean;
};

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}

/**
 * Validates a definition and stores it as a new framework or a new version of one, all or nothing:
 * a rejected file writes nothing, and a stored version and its audit event commit together.
 * Published versions are never modified: the same version string with other content is a
 * ConflictError that asks for a new version.
 */
export async function importFramework({
  target,
  source,
}: {
  target: FrameworkImportTarget;
  source: FrameworkImportSource;
}): Promise<FrameworkImportResult> {
  // Checked here as well as in the action/API chain, so no transport can skip it.
  if (target.workspaceId !== null && !can(target.role, "framework.import")) {
    throw new ForbiddenError("Only workspace owners and admins can import frameworks.");
  }
  const parsed = readFrameworkImportSource(source);
  if (!parsed.ok) throw new FrameworkDefinitionInvalidError(parsed.errors);
  const { definition } = parsed;
  const ref = `${definition.key}@${definition.version}`;
  if (RESERVED_FRAMEWORK_KEYS.includes(definition.key)) {
    throw new FrameworkDefinitionInvalidError([
      { path: "key", message: `"${definition.key}" is reserved; choose another key` },
    ]);
  }

  try {
    // A workspace's import is one of its writes (its lock first); a built-in one belongs to none.
    return await retryingTransaction("importFramework", async (tx) => {
      if (target.workspaceId !== null) await lockWorkspaces(tx, [target.workspaceId]);
      const outcome = await storeFrameworkVersion(tx, {
        workspaceId: target.workspaceId,
        definition,
        importedById:
          target.workspaceId !== null && target.actor.type === "USER"
            ? (target.actor.id ?? null)
            : null,
      });
      switch (outcome.status) {
        case "reserved-key":
          throw new ConflictError(
            `"${definition.key}" is the key of a built-in framework. Give your framework its own key.`,
          );
        case "conflict":
          throw new ConflictError(
            `${ref} already exists with different content. Published versions are never changed: ` +
              `give the new definition a new version number.`,
          );
        case "unchanged":
          return {
            ...summarizeDefinition(definition),
            status: "unchanged" as const,
            frameworkCreated: false,
            frameworkId: outcome.frameworkId,
            versionId: outcome.versionId,
            builtIn: target.workspaceId === null,
          };
        case "created":
          if (target.workspaceId !== null) {
            await recordAuditEvent(tx, {
              workspaceId: target.workspaceId,
              actor: target.actor,
              action: "framework.import",
              entityType: "FrameworkVersion",
              entityId: outcome.versionId,
              diff: {
                key: definition.key,
                version: definition.version,
                name: definition.name,
                definitionHash: outcome.hash,
                newFramework: outcome.frameworkCreated,
              },
            });
          }
          return {
            ...summarizeDefinition(definition),
            status: "created" as const,
            frameworkCreated: outcome.frameworkCreated,
            frameworkId: outcome.frameworkId,
            versionId: outcome.versionId,
            builtIn: target.workspaceId === null,
          };
      }
    });
  } catch (error) {
    // Two imports of the same new framework or version raced; the loser changed nothing.
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `${ref} was imported by someone else at the same moment. Reload and check.`,
      );
    }
    throw error;
  }
}

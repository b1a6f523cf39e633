import "server-only";

import { can } from "@/lib/auth/permissions";
import { lockWorkspaces, retryingTransaction } from "@/lib/db/transaction";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { checkCatalogueVersions } from "@/lib/server/crosswalks/check-catalogue-versions";
import {
  type CrosswalkImportSource,
  CrosswalkInvalidError,
  type CrosswalkSummary,
  readCrosswalkImportSource,
  summarizeCrosswalk,
} from "@/lib/server/crosswalks/crosswalk-import-source";
import { crosswalkSourcesFor } from "@/lib/server/crosswalks/crosswalk-sources";
import { storeCrosswalkVersion } from "@/lib/server/crosswalks/store-crosswalk-version";

/** A workspace (web app, API: with the caller's role and audit actor), or the built-in catalog. */
export type CrosswalkImportTarget =
  { workspaceId: string; role: string; actor: AuditActor } | { workspaceId: null };

export type CrosswalkImportResult = CrosswalkSummary & {
  status: "created" | "unchanged" | "valid";
  builtIn: boolean;
};

/**
 * Validates a crosswalk against the frameworks and crosswalks the scope can see and stores it as
 * a new crosswalk or version, all or nothing: a refused file lists every problem and writes
 * nothing; a stored version and its audit event commit together. `dryRun` checks only (CLI
 * `validate`) and reports status "valid".
 */
export async function importCrosswalk({
  target,
  source,
  dryRun = false,
}: {
  target: CrosswalkImportTarget;
  source: CrosswalkImportSource;
  dryRun?: boolean;
}): Promise<CrosswalkImportResult> {
  if (target.workspaceId !== null && !can(target.role, "crosswalk.import")) {
    throw new ForbiddenError("Only workspace owners and admins can import crosswalks.");
  }
  const { workspaceId } = target;
  try {
    return await importInTransaction({ target, source, dryRun, workspaceId });
  } catch (error) {
    // Two imports of the same new crosswalk or version raced; the loser changed nothing.
    if ((error as { code?: unknown } | null)?.code === "P2002") {
      throw new ConflictError(
        "The same crosswalk version was imported at the same moment. Reload and check.",
      );
    }
    throw error;
  }
}

function importInTransaction({
  target,
  source,
  dryRun,
  workspaceId,
}: {
  target: CrosswalkImportTarget;
  source: CrosswalkImportSource;
  dryRun: boolean;
  workspaceId: string | null;
}): Promise<CrosswalkImportResult> {
  // A workspace's import is one of its writes (its lock first); a built-in one belongs to none.
  return retryingTransaction("importCrosswalk", async (tx) => {
    if (target.workspaceId !== null) await lockWorkspaces(tx, [target.workspaceId]);
    const parsed = readCrosswalkImportSource(source, await crosswalkSourcesFor(tx, workspaceId));
    if (!parsed.ok) throw new CrosswalkInvalidError(parsed.errors);
    const { definition } = parsed;
    const clashes = await checkCatalogueVersions(tx, workspaceId, definition);
    if (clashes.length > 0) throw new CrosswalkInvalidError(clashes);
    const summary = summarizeCrosswalk(definition);
    const builtIn = workspaceId === null;
    if (dryRun) return { ...summary, status: "valid" as const, builtIn };

    const ref = `${definition.key}@${definition.version}`;
    const outcome = await storeCrosswalkVersion(tx, {
      workspaceId,
      definition,
      importedById:
        target.workspaceId !== null && target.actor.type === "USER"
          ? (target.actor.id ?? null)
          : null,
    });
    switch (outcome.status) {
      case "reserved-key":
        throw new ConflictError(
          `"${definition.key}" is the key of a built-in crosswalk. Give your crosswalk its own key.`,
        );
      case "conflict":
        throw new ConflictError(
          `${ref} already exists with different content. Published versions are never changed: ` +
            "give the new crosswalk a new version number.",
        );
      case "unchanged":
        return { ...summary, status: "unchanged" as const, builtIn };
      case "created":
        if (target.workspaceId !== null) {
          await recordAuditEvent(tx, {
            workspaceId: target.workspaceId,
            actor: target.actor,
            action: "crosswalk.import",
            entityType: "CrosswalkVersion",
            entityId: outcome.versionId,
            diff: {
              key: definition.key,
              version: definition.version,
              definitionHash: outcome.hash,
              edges: summary.edges,
              newCrosswalk: outcome.created,
            },
          });
        }
        return { ...summary, status: "created" as const, builtIn };
    }
  });
}

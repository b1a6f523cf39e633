import "server-only";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import { validateCrosswalk } from "@/lib/crosswalks/validate";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BUILTIN_SCOPE } from "@/lib/server/frameworks/framework-scope";

/**
 * Who can see a crosswalk: the same rule as frameworks. Built-ins (scopeKey "builtin") are visible
 * to every workspace, an import only to its workspace; `workspaceId: null` is the operator's
 * command line without --workspace and sees built-ins only.
 */
export function visibleCrosswalksWhere(workspaceId: string | null): Prisma.CrosswalkWhereInput {
  if (workspaceId === null) return { scopeKey: BUILTIN_SCOPE, workspaceId: null };
  return {
    OR: [
      { scopeKey: BUILTIN_SCOPE, workspaceId: null },
      { scopeKey: workspaceId, workspaceId },
    ],
  };
}

/**
 * Reads a stored definition. Rows are validated (against the app's frameworks) before they are
 * written; here only the file itself is checked again, so a row changed behind the app's back
 * fails loudly instead of showing wrong references.
 */
export function readStoredCrosswalk(json: Prisma.JsonValue, label: string): CrosswalkDefinition {
  const result = validateCrosswalk(json);
  if (!result.ok) {
    const first = result.errors[0];
    throw new Error(
      `Stored crosswalk version ${label} is not valid` +
        (first ? ` (${first.path}: ${first.message})` : ""),
    );
  }
  return result.definition;
}

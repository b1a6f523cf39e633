import "server-only";

import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import { validateFrameworkDefinition } from "@/lib/frameworks/validate";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who can see a framework. Built-ins (scopeKey "builtin", workspaceId null) are visible to every
 * workspace; an imported framework (scopeKey = workspaceId = its workspace) only to its own.
 *
 * `workspaceId: null` is the operator's scope (command line without --workspace): built-ins only.
 * Web requests always pass their workspace's id.
 */
export const BUILTIN_SCOPE = "builtin";

export type FrameworkScope = { workspaceId: string | null };

export function scopeKeyFor(workspaceId: string | null): string {
  return workspaceId ?? BUILTIN_SCOPE;
}

/** The where clause every catalog read uses: built-ins plus the caller's own, never another's. */
export function visibleFrameworksWhere(workspaceId: string | null): Prisma.FrameworkWhereInput {
  if (workspaceId === null) return { scopeKey: BUILTIN_SCOPE, workspaceId: null };
  return {
    OR: [
      { scopeKey: BUILTIN_SCOPE, workspaceId: null },
      { scopeKey: workspaceId, workspaceId },
    ],
  };
}

/**
 * Display order of versions, newest first. Natural ordering ("1.10.0" after "1.9.0", "2026" after
 * "2025") rather than import order, so importing an old version later never makes it "latest".
 */
export function compareVersionsNewestFirst(a: string, b: string): number {
  return b.localeCompare(a, "en", { numeric: true, sensitivity: "base" });
}

/**
 * Reads a stored definition. Rows are validated before they are written, so a failure here means
 * the row was changed behind the app's back; failing loudly beats rendering a wrong matrix.
 */
export function readStoredDefinition(json: Prisma.JsonValue, label: string): FrameworkDefinition {
  const result = validateFrameworkDefinition(json);
  if (!result.ok) {
    const first = result.errors[0];
    throw new Error(
      `Stored framework version ${label} is not a valid definition` +
        (first ? ` (${first.path}: ${first.message})` : ""),
    );
  }
  return result.definition;
}

/** Parses "key@version" as used by the command line. */
export function parseVersionRef(ref: string): { key: string; version: string } | null {
  const at = ref.lastIndexOf("@");
  if (at <= 0 || at === ref.length - 1) return null;
  return { key: ref.slice(0, at), version: ref.slice(at + 1) };
}

import "server-only";

import { db } from "@/lib/db/client";
import type { FrameworkValidationError } from "@/lib/frameworks/validate";
import {
  type FrameworkDefinitionSummary,
  type FrameworkImportSource,
  readFrameworkImportSource,
  RESERVED_FRAMEWORK_KEYS,
  summarizeDefinition,
} from "@/lib/server/frameworks/framework-import-source";
import { planFrameworkVersion } from "@/lib/server/frameworks/store-framework-version";

export type FrameworkImportPreview =
  | { ok: false; errors: FrameworkValidationError[] }
  | {
      ok: true;
      summary: FrameworkDefinitionSummary;
      /**
       * What confirming would do. "conflict" and "reserved-key" would be refused; "unchanged"
       * would store nothing.
       */
      outcome: "new-framework" | "new-version" | "unchanged" | "conflict" | "reserved-key";
    };

/**
 * Validates a file for the import screen and says what confirming would do, without writing.
 * Reads only the built-in catalog and the workspace's own frameworks.
 */
export async function previewFrameworkImport({
  workspaceId,
  source,
}: {
  workspaceId: string;
  source: FrameworkImportSource;
}): Promise<FrameworkImportPreview> {
  const parsed = readFrameworkImportSource(source);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { definition } = parsed;
  if (RESERVED_FRAMEWORK_KEYS.includes(definition.key)) {
    return {
      ok: false,
      errors: [{ path: "key", message: `"${definition.key}" is reserved; choose another key` }],
    };
  }
  const plan = await planFrameworkVersion(db, { workspaceId, definition });
  return { ok: true, summary: summarizeDefinition(definition), outcome: plan.status };
}

import "server-only";

import { ValidationError } from "@/lib/errors";
import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import {
  DOCUMENT_PATH,
  type FrameworkValidationError,
  MAX_DEFINITION_BYTES,
  parseFrameworkDefinition,
  validateFrameworkDefinition,
} from "@/lib/frameworks/validate";

/** What an import reads: a file's text (upload, CLI, API with YAML) or a decoded JSON body. */
export type FrameworkImportSource =
  { content: string; format: "yaml" | "json" } | { definition: unknown };

/**
 * A rejected definition. `errors` keeps the validator's order for the import preview and the CLI;
 * `fieldErrors` (path → messages) is what the action and the API's `error.fields` show.
 */
export class FrameworkDefinitionInvalidError extends ValidationError {
  constructor(readonly errors: FrameworkValidationError[]) {
    const fieldErrors: Record<string, string[]> = {};
    for (const error of errors) (fieldErrors[error.path] ??= []).push(error.message);
    const first = errors[0];
    super(
      `The framework definition is invalid (${errors.length} problem${errors.length === 1 ? "" : "s"})` +
        (first ? `; first: ${first.path}: ${first.message}` : ""),
      fieldErrors,
    );
  }
}

export function readFrameworkImportSource(
  source: FrameworkImportSource,
):
  | { ok: true; definition: FrameworkDefinition }
  | { ok: false; errors: FrameworkValidationError[] } {
  if ("content" in source) return parseFrameworkDefinition(source.content, source.format);
  // An inline definition (API body) meets the same size limit as a file, measured as the JSON
  // it would be written as.
  const size = new TextEncoder().encode(JSON.stringify(source.definition) ?? "").length;
  if (size > MAX_DEFINITION_BYTES) {
    return {
      ok: false,
      errors: [{ path: DOCUMENT_PATH, message: "definition is larger than 2 MB" }],
    };
  }
  return validateFrameworkDefinition(source.definition);
}

/** Summary shown by the import preview and returned by the import. */
export type FrameworkDefinitionSummary = {
  key: string;
  name: string;
  version: string;
  publisher: string;
  columns: number;
  rows: number;
  cells: number;
  criticalCells: number;
};

export function summarizeDefinition(definition: FrameworkDefinition): FrameworkDefinitionSummary {
  return {
    key: definition.key,
    name: definition.name,
    version: definition.version,
    publisher: definition.publisher,
    columns: definition.columns.length,
    rows: definition.rows.length,
    cells: definition.cells.length,
    criticalCells: definition.cells.filter((cell) => cell.critical).length,
  };
}

/**
 * Keys that would collide with the catalog's own routes (`/frameworks/import`) or with the
 * built-in crosswalks' folder (`frameworks/crosswalks/`).
 */
export const RESERVED_FRAMEWORK_KEYS: readonly string[] = ["import", "crosswalks"];

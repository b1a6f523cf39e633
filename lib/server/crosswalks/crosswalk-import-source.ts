import "server-only";

import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import {
  type CrosswalkSources,
  type CrosswalkValidationError,
  parseCrosswalk,
  validateCrosswalk,
} from "@/lib/crosswalks/validate";
import { ValidationError } from "@/lib/errors";

/** What an import reads: a file's text (upload, CLI, API with YAML) or a decoded JSON body. */
export type CrosswalkImportSource =
  { content: string; format: "yaml" | "json" } | { definition: unknown };

/**
 * A refused crosswalk: `errors` keeps the validator's order (CLI, import preview);
 * `fieldErrors` (path → messages) is what the API shows under `error.fields`.
 */
export class CrosswalkInvalidError extends ValidationError {
  constructor(readonly errors: CrosswalkValidationError[]) {
    const fieldErrors: Record<string, string[]> = {};
    for (const error of errors) (fieldErrors[error.path] ??= []).push(error.message);
    const first = errors[0];
    super(
      `The crosswalk is invalid (${errors.length} problem${errors.length === 1 ? "" : "s"})` +
        (first ? `; first: ${first.path}: ${first.message}` : ""),
      fieldErrors,
    );
  }
}

export function readCrosswalkImportSource(
  source: CrosswalkImportSource,
  sources: CrosswalkSources,
):
  | { ok: true; definition: CrosswalkDefinition }
  | { ok: false; errors: CrosswalkValidationError[] } {
  return "content" in source
    ? parseCrosswalk(source.content, source.format, sources)
    : validateCrosswalk(source.definition, sources);
}

/** Summary shown after an import or a validation. */
export type CrosswalkSummary = {
  key: string;
  name: string;
  version: string;
  publisher: string;
  sources: string[];
  catalogues: { key: string; version: string; entries: number }[];
  edges: number;
  derivedEdges: number;
};

export function summarizeCrosswalk(definition: CrosswalkDefinition): CrosswalkSummary {
  return {
    key: definition.key,
    name: definition.name,
    version: definition.version,
    publisher: definition.publisher,
    sources: definition.sources.map((s) => `${s.framework}@${s.version}`),
    catalogues: definition.catalogues.map((c) => ({
      key: c.key,
      version: c.version,
      entries: c.entries.length,
    })),
    edges: definition.edges.length,
    derivedEdges: definition.edges.filter((e) => (e.derivedFrom ?? []).length > 0).length,
  };
}

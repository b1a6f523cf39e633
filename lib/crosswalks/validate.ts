/**
 * Parse and validate a crosswalk file (YAML or JSON). Like framework definitions, every problem
 * is reported as `path: message` (`edges[17].entry: …`), all of them in one pass, so an import can
 * list everything to fix and write nothing.
 *
 * Checks that need the app's frameworks (does `ai-security-srm@1.1.0` exist, does it have the row
 * `agent_governance`) take a `CrosswalkSources` lookup; without one, only the file itself is
 * checked (the converter and unit tests use that).
 */
import { parseDocument } from "yaml";
import type { z } from "zod";

import {
  type CrosswalkDefinition,
  crosswalkDefinitionSchema,
  edgeId,
  type Relationship,
  RELATIONSHIPS,
} from "@/lib/crosswalks/schema";
import {
  DOCUMENT_PATH,
  formatIssuePath,
  type FrameworkFileFormat,
  type FrameworkValidationError,
} from "@/lib/frameworks/validate";

export type CrosswalkValidationError = FrameworkValidationError;
export type CrosswalkParseResult =
  { ok: true; definition: CrosswalkDefinition } | { ok: false; errors: CrosswalkValidationError[] };

/** The rows of a framework version, or null when the app has no such version. */
export type CrosswalkSources = (framework: string, version: string) => readonly string[] | null;

// The shipped crosswalk is about 350 KB; 4 MB bounds parse cost with ample room for growth.
export const MAX_CROSSWALK_BYTES = 4 * 1024 * 1024;
const MAX_ERRORS = 200;

export function isRelationship(value: string): value is Relationship {
  return (RELATIONSHIPS as readonly string[]).includes(value);
}

export function parseCrosswalk(
  text: string,
  format: FrameworkFileFormat,
  sources?: CrosswalkSources,
): CrosswalkParseResult {
  if (new TextEncoder().encode(text).length > MAX_CROSSWALK_BYTES) {
    return fail([{ path: DOCUMENT_PATH, message: "file is larger than 4 MB" }]);
  }
  if (text.trim() === "") return fail([{ path: DOCUMENT_PATH, message: "file is empty" }]);
  const raw = format === "yaml" ? readYaml(text) : readJson(text);
  if (!raw.ok) return fail([raw.error]);
  return validateCrosswalk(raw.value, sources);
}

/** Validate an already-decoded value (a request body, a stored row). */
export function validateCrosswalk(
  input: unknown,
  sources?: CrosswalkSources,
): CrosswalkParseResult {
  const parsed = crosswalkDefinitionSchema.safeParse(input, {
    error: (issue) =>
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined,
  });
  if (!parsed.success) return fail(parsed.error.issues.map(issueToError));
  const errors = checkSemantics(parsed.data, sources);
  return errors.length > 0 ? fail(errors) : { ok: true, definition: parsed.data };
}

function fail(errors: CrosswalkValidationError[]): CrosswalkParseResult {
  if (errors.length <= MAX_ERRORS) return { ok: false, errors };
  const more = errors.length - MAX_ERRORS;
  return {
    ok: false,
    errors: [
      ...errors.slice(0, MAX_ERRORS),
      { path: DOCUMENT_PATH, message: `… and ${more} more` },
    ],
  };
}

type Decoded = { ok: true; value: unknown } | { ok: false; error: CrosswalkValidationError };

function readYaml(text: string): Decoded {
  // YAML 1.2 core schema: dates stay strings; the alias limit guards against expansion bombs.
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : "";
    const reason = (first.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return {
      ok: false,
      error: { path: DOCUMENT_PATH, message: `invalid YAML${where}: ${reason}` },
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { path: DOCUMENT_PATH, message: `invalid YAML: ${reason}` } };
  }
}

function readJson(text: string): Decoded {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { path: DOCUMENT_PATH, message: `invalid JSON: ${reason}` } };
  }
}

function issueToError(issue: z.core.$ZodIssue): CrosswalkValidationError {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.length === 1
      ? { path: formatIssuePath([...issue.path, issue.keys[0]!]), message: "unknown field" }
      : { path: formatIssuePath(issue.path), message: `unknown fields: ${issue.keys.join(", ")}` };
  }
  return { path: formatIssuePath(issue.path), message: issue.message };
}

function duplicates<T>(
  errors: CrosswalkValidationError[],
  items: readonly T[],
  identity: (item: T) => string,
  path: (index: number) => string,
  describe: (item: T) => string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const id = identity(item);
    if (seen.has(id)) errors.push({ path: path(index), message: `duplicate ${describe(item)}` });
    seen.add(id);
  });
}

function checkSemantics(
  def: CrosswalkDefinition,
  sources: CrosswalkSources | undefined,
): CrosswalkValidationError[] {
  const errors: CrosswalkValidationError[] = [];
  const provenance = def.provenance ?? [];

  duplicates(
    errors,
    def.sources,
    (s) => s.framework,
    (i) => `sources[${i}].framework`,
    (s) => `framework "${s.framework}" (a crosswalk maps one version of each framework)`,
  );
  duplicates(
    errors,
    provenance,
    (p) => p.key,
    (i) => `provenance[${i}].key`,
    (p) => `key "${p.key}"`,
  );
  duplicates(
    errors,
    def.catalogues,
    (c) => c.key,
    (i) => `catalogues[${i}].key`,
    (c) => `key "${c.key}"`,
  );
  def.catalogues.forEach((catalogue, ci) =>
    duplicates(
      errors,
      catalogue.entries,
      (e) => e.id,
      (i) => `catalogues[${ci}].entries[${i}].id`,
      (e) => `entry id "${e.id}"`,
    ),
  );

  // Rows of each source, when the app's frameworks are at hand.
  const rowsOf = new Map<string, Set<string> | null>();
  def.sources.forEach((source, index) => {
    if (!sources) return;
    const rows = sources(source.framework, source.version);
    rowsOf.set(source.framework, rows === null ? null : new Set(rows));
    if (rows === null) {
      errors.push({
        path: `sources[${index}]`,
        message: `framework ${source.framework}@${source.version} does not exist`,
      });
    }
  });
  checkDistinctRows(errors, def, rowsOf);

  const sourceKeys = new Set(def.sources.map((s) => s.framework));
  const entriesOf = new Map(
    def.catalogues.map((c) => [c.key, new Set(c.entries.map((e) => e.id))]),
  );
  const provenanceKeys = new Set(provenance.map((p) => p.key));
  const relationshipList = RELATIONSHIPS.join(", ");
  const seenEdges = new Set<string>();

  def.edges.forEach((edge, index) => {
    const at = `edges[${index}]`;
    if (!sourceKeys.has(edge.framework)) {
      errors.push({
        path: `${at}.framework`,
        message: `"${edge.framework}" is not one of the crosswalk's sources`,
      });
    } else {
      const rows = rowsOf.get(edge.framework);
      const version = def.sources.find((s) => s.framework === edge.framework)?.version;
      if (rows && !rows.has(edge.row)) {
        errors.push({
          path: `${at}.row`,
          message: `unknown row "${edge.row}" in ${edge.framework}@${version}`,
        });
      }
    }
    const entries = entriesOf.get(edge.catalogue);
    if (!entries) {
      errors.push({ path: `${at}.catalogue`, message: `unknown catalogue "${edge.catalogue}"` });
    } else if (!entries.has(edge.entry)) {
      errors.push({
        path: `${at}.entry`,
        message: `"${edge.entry}" is not an entry of catalogue ${edge.catalogue}`,
      });
    }
    if (!isRelationship(edge.relationship)) {
      errors.push({
        path: `${at}.relationship`,
        message: `"${edge.relationship}" is not an OSCAL 1.2 relationship (${relationshipList})`,
      });
    }
    (edge.derivedFrom ?? []).forEach((derivation, di) => {
      if (!provenanceKeys.has(derivation.provenance)) {
        errors.push({
          path: `${at}.derivedFrom[${di}].provenance`,
          message: `unknown provenance "${derivation.provenance}"`,
        });
      }
    });
    const id = edgeId(edge);
    if (seenEdges.has(id)) errors.push({ path: at, message: `duplicate edge ${id}` });
    seenEdges.add(id);
  });
  return errors;
}

/**
 * Edges are applied to a duty by its system's framework and its domain key, and the gap list
 * filters by domain key; both agree only when no two sources share a row key.
 */
function checkDistinctRows(
  errors: CrosswalkValidationError[],
  def: CrosswalkDefinition,
  rowsOf: Map<string, Set<string> | null>,
): void {
  const owner = new Map<string, string>();
  def.sources.forEach((source, index) => {
    const rows = rowsOf.get(source.framework);
    if (!rows) return;
    const shared = [...rows].filter((row) => owner.has(row));
    if (shared.length > 0) {
      errors.push({
        path: `sources[${index}]`,
        message:
          `shares row keys with ${owner.get(shared[0]!)} (${shared.slice(0, 5).join(", ")}); ` +
          "the frameworks of one crosswalk must have distinct row keys",
      });
    }
    for (const row of rows) if (!owner.has(row)) owner.set(row, source.framework);
  });
}

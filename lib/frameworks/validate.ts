/**
 * Parse and validate a framework definition file (YAML or JSON).
 *
 * Every problem is reported as `path: message` with a path into the document (`cells[17].value`),
 * so an import screen or the CLI can tell the author exactly which line of their file to fix.
 * All problems are collected in one pass instead of stopping at the first, up to MAX_ERRORS.
 */
import { parseDocument } from "yaml";
import type { z } from "zod";

import {
  type FrameworkDefinition,
  frameworkDefinitionSchema,
  type ScaleSide,
} from "@/lib/frameworks/schema";

export type FrameworkValidationError = { path: string; message: string };

export type FrameworkParseResult =
  { ok: true; definition: FrameworkDefinition } | { ok: false; errors: FrameworkValidationError[] };

export type FrameworkFileFormat = "yaml" | "json";

/** Path used for problems with the file as a whole (syntax errors, empty file, too large). */
export const DOCUMENT_PATH = "(document)";
/** Path used for problems with the top-level value itself (e.g. a list instead of a mapping). */
export const ROOT_PATH = "(root)";

// A definition with 8 × 16 cells is about 60 KB; 2 MB leaves ample room while bounding parse cost.
export const MAX_DEFINITION_BYTES = 2 * 1024 * 1024;
const MAX_ERRORS = 100;

export function parseFrameworkDefinition(
  text: string,
  format: FrameworkFileFormat,
): FrameworkParseResult {
  // TextEncoder rather than Buffer keeps this module usable in the browser (import preview).
  if (new TextEncoder().encode(text).length > MAX_DEFINITION_BYTES) {
    return fail([{ path: DOCUMENT_PATH, message: "file is larger than 2 MB" }]);
  }
  if (text.trim() === "") {
    return fail([{ path: DOCUMENT_PATH, message: "file is empty" }]);
  }
  const raw = format === "yaml" ? readYaml(text) : readJson(text);
  if (!raw.ok) return fail([raw.error]);
  return validateFrameworkDefinition(raw.value);
}

/** Validate an already-decoded value (e.g. a request body) against shape and semantics. */
export function validateFrameworkDefinition(input: unknown): FrameworkParseResult {
  const parsed = frameworkDefinitionSchema.safeParse(input, {
    // "is required" reads better than zod's "expected string, received undefined" for a missing field.
    error: (issue) =>
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined,
  });
  if (!parsed.success) return fail(parsed.error.issues.map(issueToError));
  const errors = checkSemantics(parsed.data);
  return errors.length > 0 ? fail(errors) : { ok: true, definition: parsed.data };
}

function fail(errors: FrameworkValidationError[]): FrameworkParseResult {
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

type Decoded = { ok: true; value: unknown } | { ok: false; error: FrameworkValidationError };

function readYaml(text: string): Decoded {
  // The "core" schema (YAML 1.2) keeps dates such as 2025-09-26 as strings, and the default alias
  // limit guards against "billion laughs" expansion.
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : "";
    // prettyErrors appends " at line …, column …:" and a code excerpt; keep only the reason.
    const reason = (first.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return {
      ok: false,
      error: { path: DOCUMENT_PATH, message: `invalid YAML${where}: ${reason}` },
    };
  }
  try {
    // toJS throws on unresolved aliases and on alias expansion beyond maxAliasCount.
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

/** `["columns", 0, "name"]` → `columns[0].name`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? ROOT_PATH : out;
}

function issueToError(issue: z.core.$ZodIssue): FrameworkValidationError {
  // Unknown fields are reported on the object; naming the field in the path points straight at it.
  if (issue.code === "unrecognized_keys") {
    return issue.keys.length === 1
      ? { path: formatIssuePath([...issue.path, issue.keys[0]!]), message: "unknown field" }
      : { path: formatIssuePath(issue.path), message: `unknown fields: ${issue.keys.join(", ")}` };
  }
  return { path: formatIssuePath(issue.path), message: issue.message };
}

/** Reports every element whose key was already used earlier in the same list. */
function checkUnique(
  errors: FrameworkValidationError[],
  listPath: string,
  items: readonly { key: string }[],
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key)) {
      errors.push({ path: `${listPath}[${index}].key`, message: `duplicate key "${item.key}"` });
    }
    seen.add(item.key);
  });
}

function allowedPartySides(side: ScaleSide): readonly string[] {
  if (side === "both") return ["provider", "customer"];
  if (side === "none") return [];
  return [side];
}

function checkSemantics(def: FrameworkDefinition): FrameworkValidationError[] {
  const errors: FrameworkValidationError[] = [];

  const scaleCodes = new Set<string>();
  def.scale.forEach((level, index) => {
    if (scaleCodes.has(level.code)) {
      errors.push({ path: `scale[${index}].code`, message: `duplicate code "${level.code}"` });
    }
    scaleCodes.add(level.code);
  });
  const sideOf = new Map(def.scale.map((level) => [level.code, level.side]));

  checkUnique(errors, "columnGroups", def.columnGroups ?? []);
  checkUnique(errors, "columns", def.columns);
  checkUnique(errors, "rowGroups", def.rowGroups ?? []);
  checkUnique(errors, "rows", def.rows);
  checkUnique(errors, "parties", def.parties ?? []);

  const columnGroupKeys = def.columnGroups && new Set(def.columnGroups.map((g) => g.key));
  let previousOrder: number | undefined;
  def.columns.forEach((column, index) => {
    checkUnique(errors, `columns[${index}].variants`, column.variants ?? []);
    if (columnGroupKeys && !columnGroupKeys.has(column.group)) {
      errors.push({
        path: `columns[${index}].group`,
        message: `unknown column group "${column.group}"`,
      });
    }
    // Array order is the display order; an explicit `order` must agree with it, not compete.
    if (column.order !== undefined) {
      if (previousOrder !== undefined && column.order <= previousOrder) {
        errors.push({
          path: `columns[${index}].order`,
          message: `must be greater than the previous column's order (${previousOrder})`,
        });
      }
      previousOrder = column.order;
    }
  });

  const rowGroupKeys = new Set((def.rowGroups ?? []).map((g) => g.key));
  def.rows.forEach((row, index) => {
    if (row.group !== undefined && !rowGroupKeys.has(row.group)) {
      errors.push({ path: `rows[${index}].group`, message: `unknown row group "${row.group}"` });
    }
  });

  const rowKeys = new Set(def.rows.map((r) => r.key));
  const columnKeys = new Set(def.columns.map((c) => c.key));
  const partySide = new Map((def.parties ?? []).map((p) => [p.key, p.side]));
  const scaleList = def.scale.map((level) => level.code).join(", ");
  const seenCells = new Set<string>();

  def.cells.forEach((cell, index) => {
    const at = `cells[${index}]`;
    const knownRow = rowKeys.has(cell.row);
    const knownColumn = columnKeys.has(cell.column);
    if (!knownRow) errors.push({ path: `${at}.row`, message: `unknown row "${cell.row}"` });
    if (!knownColumn) {
      errors.push({ path: `${at}.column`, message: `unknown column "${cell.column}"` });
    }
    const side = sideOf.get(cell.value);
    if (side === undefined) {
      errors.push({
        path: `${at}.value`,
        message: `"${cell.value}" is not in the scale (${scaleList})`,
      });
    }
    (cell.parties ?? []).forEach((party, partyIndex) => {
      const path = `${at}.parties[${partyIndex}]`;
      const pSide = partySide.get(party);
      if (pSide === undefined) {
        errors.push({ path, message: `unknown party "${party}"` });
      } else if (side !== undefined && !allowedPartySides(side).includes(pSide)) {
        errors.push({
          path,
          message: `party "${party}" is on the ${pSide} side, which value "${cell.value}" does not include`,
        });
      }
    });
    if (knownRow && knownColumn) {
      const id = cellId(cell.row, cell.column);
      if (seenCells.has(id)) {
        errors.push({
          path: at,
          message: `duplicate cell for row "${cell.row}" × column "${cell.column}"`,
        });
      }
      seenCells.add(id);
    }
  });

  for (const row of def.rows) {
    for (const column of def.columns) {
      if (!seenCells.has(cellId(row.key, column.key))) {
        errors.push({
          path: "cells",
          message: `missing cell for row "${row.key}" × column "${column.key}"`,
        });
      }
    }
  }
  return errors;
}

// A separator that the key alphabet cannot contain, so "a_b" × "c" never collides with "a" × "b_c".
function cellId(row: string, column: string): string {
  return `${row}\u0000${column}`;
}

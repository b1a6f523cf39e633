/**
 * Canonical export of a framework definition.
 *
 * The canonical form fixes the key order of every object, leaves out unset optional fields and
 * `critical: false`, keeps the author's order of scale, groups, columns, rows and parties (that order
 * is the display order), and sorts cells by row then column. Two files that mean the same thing
 * therefore export to the same bytes and hash to the same value, which is how an import of an
 * unchanged file is recognised and no new framework version is created.
 */
import { createHash } from "node:crypto";

import { stringify } from "yaml";

import type {
  ColumnGroup,
  ColumnVariant,
  FrameworkCell,
  FrameworkColumn,
  FrameworkDefinition,
  FrameworkRow,
  Party,
  RowGroup,
  ScaleLevel,
} from "@/lib/frameworks/schema";

type Plain = Record<string, unknown>;

/** Copies the listed keys in that order, leaving out those that are undefined. */
function ordered<T extends object>(source: T, keys: readonly (keyof T & string)[]): Plain {
  const out: Plain = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

function optionalList<T>(list: readonly T[] | undefined, map: (item: T) => Plain) {
  return list === undefined ? undefined : list.map(map);
}

const scaleKeys = ["code", "label", "description", "side"] as const satisfies (keyof ScaleLevel)[];
const columnGroupKeys = ["key", "name", "description"] as const satisfies (keyof ColumnGroup)[];
const variantKeys = [
  "key",
  "name",
  "description",
  "examples",
] as const satisfies (keyof ColumnVariant)[];
const rowGroupKeys = [
  "key",
  "name",
  "description",
  "side",
  "examples",
] as const satisfies (keyof RowGroup)[];
const partyKeys = ["key", "name", "side", "description"] as const satisfies (keyof Party)[];
const rowKeys = [
  "key",
  "name",
  "category",
  "group",
  "focus",
  "description",
  "keyControls",
  "considerations",
] as const satisfies (keyof FrameworkRow)[];

function canonicalColumn(column: FrameworkColumn): Plain {
  const out = ordered(column, [
    "key",
    "name",
    "shortName",
    "group",
    "order",
    "riskLevel",
    "description",
  ]);
  if (column.variants) out.variants = column.variants.map((v) => ordered(v, variantKeys));
  out.examples = [...column.examples];
  return out;
}

function canonicalCell(cell: FrameworkCell): Plain {
  const out = ordered(cell, ["row", "column", "value"]);
  // false is the default; writing it on every cell would only add noise to the file.
  if (cell.critical) out.critical = true;
  return { ...out, ...ordered(cell, ["parties", "rationale"]) };
}

function sortedCells(def: FrameworkDefinition): FrameworkCell[] {
  const rowIndex = new Map(def.rows.map((row, index) => [row.key, index]));
  const columnIndex = new Map(def.columns.map((column, index) => [column.key, index]));
  const position = (cell: FrameworkCell): [number, number] => [
    rowIndex.get(cell.row) ?? Number.MAX_SAFE_INTEGER,
    columnIndex.get(cell.column) ?? Number.MAX_SAFE_INTEGER,
  ];
  // Array.prototype.sort is stable, so cells with unknown keys keep their relative order.
  return [...def.cells].sort((a, b) => {
    const [ra, ca] = position(a);
    const [rb, cb] = position(b);
    return ra - rb || ca - cb;
  });
}

/** The canonical plain-object form of a definition (fixed key order, sorted cells). */
export function canonicalizeFrameworkDefinition(def: FrameworkDefinition): Plain {
  const top: Plain = {
    ...ordered(def, ["format", "key", "name", "version", "releasedOn", "publisher"]),
    license: ordered(def.license, ["spdx", "name", "url", "noticeFile", "attribution"]),
    source: ordered(def.source, ["url", "reference"]),
    description: def.description,
    scale: def.scale.map((level) => ordered(level, scaleKeys)),
    columnGroups: optionalList(def.columnGroups, (g) => ordered(g, columnGroupKeys)),
    columns: def.columns.map(canonicalColumn),
    rowGroups: optionalList(def.rowGroups, (g) => ordered(g, rowGroupKeys)),
    rows: def.rows.map((row) => ordered(row, rowKeys)),
    parties: optionalList(def.parties, (p) => ordered(p, partyKeys)),
    cells: sortedCells(def).map(canonicalCell),
  };
  for (const key of Object.keys(top)) if (top[key] === undefined) delete top[key];
  return top;
}

/** Compact canonical JSON: the input of `definitionHash`. */
export function canonicalJson(def: FrameworkDefinition): string {
  return JSON.stringify(canonicalizeFrameworkDefinition(def));
}

/** SHA-256 (hex) of the canonical JSON; equal hashes mean the same framework content. */
export function definitionHash(def: FrameworkDefinition): string {
  return createHash("sha256").update(canonicalJson(def), "utf8").digest("hex");
}

/** Readable canonical file content; export → import → export yields the same bytes. */
export function serializeFrameworkDefinition(
  def: FrameworkDefinition,
  format: "json" | "yaml",
): string {
  const canonical = canonicalizeFrameworkDefinition(def);
  if (format === "json") return `${JSON.stringify(canonical, null, 2)}\n`;
  return stringify(canonical, {
    version: "1.2",
    // No folding: one line per text keeps diffs readable and matches Prettier's YAML output.
    lineWidth: 0,
    // Anchors/aliases would make the file harder to read and diff; repeated lists stay literal.
    aliasDuplicateObjects: false,
  });
}

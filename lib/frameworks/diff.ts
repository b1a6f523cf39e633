/**
 * Compare two framework versions: what a workspace needs to know before moving its AI systems from
 * one version to another (which duties change hands, which domains or deployment models appear or
 * disappear, whether the scale itself changed).
 */
import type {
  FrameworkCell,
  FrameworkColumn,
  FrameworkDefinition,
  FrameworkRow,
  ScaleLevel,
} from "@/lib/frameworks/schema";

export type CellChange = {
  row: string;
  column: string;
  /** Value before; null when the cell did not exist (should not happen for valid definitions). */
  from: string | null;
  to: string | null;
  criticalFrom: boolean;
  criticalTo: boolean;
};

export type KeyedName = { key: string; name: string };

export type ScaleChange = {
  added: ScaleLevel[];
  removed: ScaleLevel[];
  /** Same code, different label or side (a changed side changes what the code derives to). */
  changed: { code: string; from: ScaleLevel; to: ScaleLevel }[];
};

export type FrameworkDiff = {
  cells: CellChange[];
  addedRows: KeyedName[];
  removedRows: KeyedName[];
  /** Rows in both versions whose metadata (name, focus, controls…) changed: key + field names. */
  changedRows: { key: string; fields: string[] }[];
  addedColumns: KeyedName[];
  removedColumns: KeyedName[];
  changedColumns: { key: string; fields: string[] }[];
  scale: ScaleChange;
  hasChanges: boolean;
};

function byKey<T extends { key: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.key, item]));
}

function keyedName(item: { key: string; name: string }): KeyedName {
  return { key: item.key, name: item.name };
}

function changedFields<T extends object>(a: T, b: T, fields: readonly (keyof T & string)[]) {
  return fields.filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]));
}

const rowFields = [
  "name",
  "category",
  "group",
  "focus",
  "description",
  "keyControls",
  "considerations",
] as const satisfies (keyof FrameworkRow)[];
const columnFields = [
  "name",
  "shortName",
  "group",
  "description",
  "variants",
  "examples",
  "riskLevel",
] as const satisfies (keyof FrameworkColumn)[];

function diffKeyed<T extends { key: string; name: string }>(
  a: readonly T[],
  b: readonly T[],
  fields: readonly (keyof T & string)[],
) {
  const aMap = byKey(a);
  const bMap = byKey(b);
  const changed: { key: string; fields: string[] }[] = [];
  for (const item of b) {
    const before = aMap.get(item.key);
    if (!before) continue;
    const differing = changedFields(before, item, fields);
    if (differing.length > 0) changed.push({ key: item.key, fields: differing });
  }
  return {
    added: b.filter((item) => !aMap.has(item.key)).map(keyedName),
    removed: a.filter((item) => !bMap.has(item.key)).map(keyedName),
    changed,
  };
}

function diffScale(a: readonly ScaleLevel[], b: readonly ScaleLevel[]): ScaleChange {
  const aMap = new Map(a.map((level) => [level.code, level]));
  const bMap = new Map(b.map((level) => [level.code, level]));
  const changed: ScaleChange["changed"] = [];
  for (const to of b) {
    const from = aMap.get(to.code);
    if (from && (from.label !== to.label || from.side !== to.side)) {
      changed.push({ code: to.code, from, to });
    }
  }
  return {
    added: b.filter((level) => !aMap.has(level.code)),
    removed: a.filter((level) => !bMap.has(level.code)),
    changed,
  };
}

function cellMap(cells: readonly FrameworkCell[]): Map<string, FrameworkCell> {
  return new Map(cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell]));
}

/**
 * Differences from version `a` to version `b`. Cell changes are listed only for rows and columns
 * present in both versions (cells of added/removed rows or columns are implied by those lists), in
 * `b`'s row order then column order.
 */
export function diffFrameworkVersions(
  a: FrameworkDefinition,
  b: FrameworkDefinition,
): FrameworkDiff {
  const rows = diffKeyed(a.rows, b.rows, rowFields);
  const columns = diffKeyed(a.columns, b.columns, columnFields);
  const scale = diffScale(a.scale, b.scale);

  const aCells = cellMap(a.cells);
  const bCells = cellMap(b.cells);
  const aRows = new Set(a.rows.map((row) => row.key));
  const aColumns = new Set(a.columns.map((column) => column.key));
  const cells: CellChange[] = [];
  for (const row of b.rows) {
    if (!aRows.has(row.key)) continue;
    for (const column of b.columns) {
      if (!aColumns.has(column.key)) continue;
      const id = `${row.key}\u0000${column.key}`;
      const before = aCells.get(id);
      const after = bCells.get(id);
      const change: CellChange = {
        row: row.key,
        column: column.key,
        from: before?.value ?? null,
        to: after?.value ?? null,
        criticalFrom: before?.critical ?? false,
        criticalTo: after?.critical ?? false,
      };
      if (change.from !== change.to || change.criticalFrom !== change.criticalTo) {
        cells.push(change);
      }
    }
  }

  const hasChanges =
    cells.length > 0 ||
    [rows.added, rows.removed, rows.changed, columns.added, columns.removed, columns.changed].some(
      (list) => list.length > 0,
    ) ||
    scale.added.length + scale.removed.length + scale.changed.length > 0;

  return {
    cells,
    addedRows: rows.added,
    removedRows: rows.removed,
    changedRows: rows.changed,
    addedColumns: columns.added,
    removedColumns: columns.removed,
    changedColumns: columns.changed,
    scale,
    hasChanges,
  };
}

function flag(critical: boolean): string {
  return critical ? " (critical)" : "";
}

/** Plain-text report for the CLI; one line per change, grouped by kind. */
export function formatFrameworkDiff(
  diff: FrameworkDiff,
  labels: { from: string; to: string } = { from: "a", to: "b" },
): string {
  const lines = [`Changes from ${labels.from} to ${labels.to}:`];
  if (!diff.hasChanges) return `${lines[0]} none\n`;

  const section = (title: string, entries: string[]) => {
    if (entries.length === 0) return;
    lines.push("", `${title} (${entries.length}):`, ...entries.map((entry) => `  ${entry}`));
  };
  const named = (item: KeyedName) => `${item.key} (${item.name})`;

  section(
    "Scale values added",
    diff.scale.added.map((l) => `${l.code} ${l.label} [${l.side}]`),
  );
  section(
    "Scale values removed",
    diff.scale.removed.map((l) => `${l.code} ${l.label}`),
  );
  section(
    "Scale values changed",
    diff.scale.changed.map(
      (c) => `${c.code}: ${c.from.label} [${c.from.side}] -> ${c.to.label} [${c.to.side}]`,
    ),
  );
  section("Columns added", diff.addedColumns.map(named));
  section("Columns removed", diff.removedColumns.map(named));
  section(
    "Columns changed",
    diff.changedColumns.map((c) => `${c.key}: ${c.fields.join(", ")}`),
  );
  section("Rows added", diff.addedRows.map(named));
  section("Rows removed", diff.removedRows.map(named));
  section(
    "Rows changed",
    diff.changedRows.map((r) => `${r.key}: ${r.fields.join(", ")}`),
  );
  section(
    "Cells changed",
    diff.cells.map(
      (c) =>
        `${c.row} × ${c.column}: ${c.from ?? "-"}${flag(c.criticalFrom)} -> ` +
        `${c.to ?? "-"}${flag(c.criticalTo)}`,
    ),
  );
  return `${lines.join("\n")}\n`;
}

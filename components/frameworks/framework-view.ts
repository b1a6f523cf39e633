import type { ScaleEntry } from "@/components/frameworks/scale-style";
import type { FrameworkCell, FrameworkDefinition } from "@/lib/frameworks/schema";

/** Lookups the browsing pages share; pure, so server and client components can both use them. */
export function cellKey(row: string, column: string): string {
  return `${row}\u0000${column}`;
}

export function cellIndex(def: Pick<FrameworkDefinition, "cells">): Map<string, FrameworkCell> {
  return new Map(def.cells.map((cell) => [cellKey(cell.row, cell.column), cell]));
}

export function scaleIndex(def: Pick<FrameworkDefinition, "scale">): Map<string, ScaleEntry> {
  return new Map(def.scale.map((level) => [level.code, level]));
}

/** Distinct row categories in first-seen order. */
export function rowCategories(def: Pick<FrameworkDefinition, "rows">): string[] {
  return [...new Set(def.rows.map((row) => row.category))];
}

/** Column groups as declared, or derived from the columns when the file declares none. */
export function columnGroups(def: Pick<FrameworkDefinition, "columns" | "columnGroups">) {
  if (def.columnGroups && def.columnGroups.length > 0) return def.columnGroups;
  return [...new Set(def.columns.map((column) => column.group))].map((key) => ({
    key,
    name: key,
    description: "",
  }));
}

/** Base path of a framework's pages inside a workspace. */
export function frameworkHref({
  slug,
  key,
  path = "",
  version,
}: {
  slug: string;
  key: string;
  path?: string;
  version?: string;
}): string {
  const base = `/w/${encodeURIComponent(slug)}/frameworks/${encodeURIComponent(key)}${path}`;
  return version ? `${base}?version=${encodeURIComponent(version)}` : base;
}

import "server-only";

import { db } from "@/lib/db/client";
import type { MatrixCell } from "@/lib/domain/derivation";
import type { ResponsibilityValue } from "@/lib/domain/responsibility";
import { ValidationError } from "@/lib/errors";
import type { FrameworkDefinition, ScaleSide } from "@/lib/frameworks/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  readStoredDefinition,
  visibleFrameworksWhere,
} from "@/lib/server/frameworks/framework-scope";

/**
 * A framework version's matrix in the shape lib/domain/derivation.ts expects. Imported frameworks
 * may name their scale codes freely; what a code means for duties is its `side`, so cells are
 * mapped to P / C / S / NA through the scale (provider → P, customer → C, both → S, none → NA).
 */
export type FrameworkMatrix = {
  frameworkVersionId: string;
  frameworkId: string;
  frameworkKey: string;
  frameworkName: string;
  version: string;
  definition: FrameworkDefinition;
  rows: string[];
  cells: MatrixCell[];
  columnKeys: string[];
};

const SIDE_VALUE: Record<ScaleSide, ResponsibilityValue> = {
  provider: "P",
  customer: "C",
  both: "S",
  none: "NA",
};

export function matrixFromDefinition(
  definition: FrameworkDefinition,
): Pick<FrameworkMatrix, "rows" | "cells" | "columnKeys"> {
  const sideOf = new Map(definition.scale.map((level) => [level.code, level.side]));
  return {
    rows: definition.rows.map((row) => row.key),
    columnKeys: definition.columns.map((column) => column.key),
    cells: definition.cells.map((cell) => ({
      row: cell.row,
      column: cell.column,
      value: SIDE_VALUE[sideOf.get(cell.value) ?? "none"],
      critical: cell.critical,
    })),
  };
}

// Versions are immutable once written (a changed definition is a new row), so a parsed matrix can
// be cached by version id for the life of the process. Bounded to keep memory flat.
const cache = new Map<string, FrameworkMatrix>();
const CACHE_LIMIT = 50;

/**
 * Loads a framework version the workspace may use (a built-in or its own import). Another
 * workspace's version answers like an unknown id: a validation error on `frameworkVersionId`.
 */
export async function loadFrameworkMatrix(
  client: Prisma.TransactionClient | typeof db,
  { workspaceId, frameworkVersionId }: { workspaceId: string; frameworkVersionId: string },
): Promise<FrameworkMatrix> {
  const row = await client.frameworkVersion.findFirst({
    where: { id: frameworkVersionId, framework: visibleFrameworksWhere(workspaceId) },
    select: { id: true, version: true, framework: { select: { id: true, key: true, name: true } } },
  });
  if (!row)
    throw ValidationError.forField(
      "frameworkVersionId",
      "Choose a framework version of this workspace.",
    );
  const cached = cache.get(row.id);
  if (cached) return cached;
  const stored = await client.frameworkVersion.findUniqueOrThrow({
    where: { id: row.id },
    select: { definition: true },
  });
  const definition = readStoredDefinition(stored.definition, `${row.framework.key}@${row.version}`);
  const matrix: FrameworkMatrix = {
    frameworkVersionId: row.id,
    frameworkId: row.framework.id,
    frameworkKey: row.framework.key,
    frameworkName: row.framework.name,
    version: row.version,
    definition,
    ...matrixFromDefinition(definition),
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(row.id, matrix);
  return matrix;
}

/** Domain names of a version, for lists and exports (keys stay the stable identifiers). */
export function domainNames(matrix: FrameworkMatrix): Map<string, string> {
  return new Map(matrix.definition.rows.map((row) => [row.key, row.name]));
}

/** Loads several versions at once (the distinct versions of a list page), cached as above. */
export async function loadMatrices(
  workspaceId: string,
  versionIds: Iterable<string>,
): Promise<Map<string, FrameworkMatrix>> {
  const unique = [...new Set(versionIds)];
  const loaded = await Promise.all(
    unique.map((id) => loadFrameworkMatrix(db, { workspaceId, frameworkVersionId: id })),
  );
  return new Map(loaded.map((matrix) => [matrix.frameworkVersionId, matrix]));
}

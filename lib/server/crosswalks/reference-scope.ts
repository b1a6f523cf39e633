import "server-only";

import {
  type ActiveMapping,
  parseReferenceKey,
  rowsForReference,
} from "@/lib/crosswalks/active-mapping";
import { db } from "@/lib/db/client";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";

/**
 * The coverage scope of one external reference (`<catalogue>:<entry>`): the duties whose domain a
 * crosswalk relates to it, on systems assessed against that edge's framework. As a scope it is
 * the mapped domain keys, plus, only when the workspace also has systems on frameworks the
 * reference does not name, the ids of the systems on the frameworks it does name; row keys are
 * distinct within a crosswalk, so that is exactly the reference's duties. An unknown reference
 * matches nothing (an empty list never means "all").
 */
export async function referenceScope(input: {
  workspaceId: string;
  reference: string;
  mapping?: ActiveMapping;
}): Promise<CoverageScope> {
  const parsed = parseReferenceKey(input.reference);
  if (!parsed) return { domainKeys: [] };
  const mapping = input.mapping ?? (await loadActiveMapping(input.workspaceId));
  const { byFramework, rows } = rowsForReference(mapping, parsed.catalogue, parsed.entry);
  if (rows.length === 0) return { domainKeys: [] };
  const frameworks = [...byFramework.keys()];
  const used = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT f.key FROM "AiSystem" s
    JOIN "FrameworkVersion" fv ON fv.id = s."frameworkVersionId"
    JOIN "Framework" f ON f.id = fv."frameworkId"
    WHERE s."workspaceId" = ${input.workspaceId}`;
  if (used.every((row) => frameworks.includes(row.key))) return { domainKeys: rows };
  const systems = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "AiSystem" s
    JOIN "FrameworkVersion" fv ON fv.id = s."frameworkVersionId"
    JOIN "Framework" f ON f.id = fv."frameworkId"
    WHERE s."workspaceId" = ${input.workspaceId} AND f.key = ANY(${frameworks}::text[])`;
  return { domainKeys: rows, systemIds: systems.map((s) => s.id) };
}

/** Both scopes at once (AND): the lists intersect; other fields are taken from either (callers never set one field in both). */
export function intersectScopes(a: CoverageScope, b: CoverageScope): CoverageScope {
  const both = (x?: readonly string[], y?: readonly string[]) =>
    x && y ? x.filter((item) => y.includes(item)) : (x ?? y);
  const merged: CoverageScope = { ...a, ...b };
  const systemIds = both(a.systemIds, b.systemIds);
  const domainKeys = both(a.domainKeys, b.domainKeys);
  return {
    ...merged,
    ...(systemIds ? { systemIds } : {}),
    ...(domainKeys ? { domainKeys } : {}),
  };
}

import "server-only";

import {
  type ActiveMapping,
  type MappingPair,
  mappingPairs,
} from "@/lib/crosswalks/active-mapping";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { EMPTY_SUMMARY, toSummary } from "@/lib/server/coverage/coverage-summary-sql";
import { getCoverageByReference } from "@/lib/server/coverage/get-coverage-by-reference";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { getFrameworkVersion } from "@/lib/server/frameworks/get-framework-version";
import type {
  CatalogueCoverage,
  MappedDomain,
  ReferenceCoverageReport,
} from "@/lib/view/crosswalks/references";

/** Names of the mapped rows, from the newest version of each source framework the workspace sees. */
async function rowNames(workspaceId: string, frameworks: string[]) {
  const names = new Map<string, string>();
  await Promise.all(
    frameworks.map(async (key) => {
      const loaded = await getFrameworkVersion({ workspaceId, key }).catch(() => null);
      for (const row of loaded?.definition.rows ?? [])
        names.set(`${key}\u0000${row.key}`, row.name);
    }),
  );
  return names;
}

/**
 * Coverage by external reference for a workspace: every catalogue of its crosswalks with every
 * entry (also those nothing maps to), the domains each entry relates to and the engine's coverage
 * of their duties. `catalogue` narrows to one catalogue (unknown: an empty list).
 */
export async function loadReferenceCoverage(input: {
  workspaceId: string;
  catalogue?: string;
  scope?: CoverageScope;
  now?: Date;
  mapping?: ActiveMapping;
}): Promise<ReferenceCoverageReport> {
  const now = input.now ?? new Date();
  const mapping = input.mapping ?? (await loadActiveMapping(input.workspaceId));
  const catalogues = mapping.catalogues.filter(
    (c) => input.catalogue === undefined || c.key === input.catalogue,
  );
  const wanted = new Set(catalogues.map((c) => c.key));
  const pairs = mappingPairs(mapping).filter((p) => wanted.has(p.catalogue));
  const [coverage, names] = await Promise.all([
    getCoverageByReference({ workspaceId: input.workspaceId, pairs, scope: input.scope, now }),
    rowNames(input.workspaceId, [...new Set(pairs.map((p) => p.framework))]),
  ]);
  const byEntry = new Map(coverage.references.map((r) => [`${r.catalogue}\u0000${r.entry}`, r]));
  const byCatalogue = new Map(coverage.catalogues.map((r) => [r.catalogue, r]));
  const domainsOf = new Map<string, MappedDomain[]>();
  for (const pair of pairs) {
    const key = `${pair.catalogue}\u0000${pair.entry}`;
    const list = domainsOf.get(key) ?? [];
    list.push(mappedDomain(pair, names));
    domainsOf.set(key, list);
  }
  return {
    computedAt: now.toISOString(),
    crosswalks: mapping.crosswalks.map(({ key, name, version, builtIn }) => ({
      key,
      name,
      version,
      builtIn,
    })),
    catalogues: catalogues.map((catalogue): CatalogueCoverage => {
      const entries = catalogue.entries.map((entry) => {
        const key = `${catalogue.key}\u0000${entry.id}`;
        const row = byEntry.get(key);
        const summary = row ? toSummary(row) : EMPTY_SUMMARY;
        return {
          id: entry.id,
          title: entry.title,
          group: entry.group ?? null,
          domains: domainsOf.get(key) ?? [],
          summary,
        };
      });
      const totals = byCatalogue.get(catalogue.key);
      const summary = totals ? toSummary(totals) : EMPTY_SUMMARY;
      return {
        key: catalogue.key,
        name: catalogue.name,
        version: catalogue.version,
        publisher: catalogue.publisher,
        licenseName: catalogue.license.name,
        attribution: catalogue.license.attribution ?? null,
        sourceUrl: catalogue.source.url,
        note: catalogue.note ?? null,
        summary,
        entryCount: entries.length,
        mappedEntries: entries.filter((e) => e.domains.length > 0).length,
        fullyCoveredEntries: entries.filter(
          (e) => e.summary.totalDuties > 0 && e.summary.coverage === 1,
        ).length,
        entries,
      };
    }),
  };
}

function mappedDomain(pair: MappingPair, names: Map<string, string>): MappedDomain {
  return {
    framework: pair.framework,
    row: pair.row,
    name: names.get(`${pair.framework}\u0000${pair.row}`) ?? pair.row,
  };
}

import "server-only";

import { referencesForRow } from "@/lib/crosswalks/active-mapping";
import type { BundleStandards } from "@/lib/export-bundle/bundle-data";
import type { DomainReferenceRow } from "@/lib/export-bundle/reference-tables";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";
import type { ResolvedScope } from "@/lib/server/exports/collect-scope";

/**
 * What the bundle says about external references, for the bundle's scope: the crosswalks in use,
 * the coverage by reference of the systems and domains in scope, and the references related to
 * each domain of those systems' framework versions.
 */
export async function collectStandards({
  resolved,
  now,
}: {
  resolved: ResolvedScope;
  now: Date;
}): Promise<BundleStandards> {
  const workspaceId = resolved.workspace.id;
  const mapping = await loadActiveMapping(workspaceId);
  const { scope } = resolved;
  const report = await loadReferenceCoverage({
    workspaceId,
    mapping,
    scope: { systemIds: scope.systemIds, domainKeys: scope.domainKeys },
    now,
  });
  const domains: DomainReferenceRow[] = [];
  const seen = new Set<string>();
  for (const version of resolved.frameworkVersions) {
    for (const edge of mapping.edges) {
      if (edge.framework !== version.key) continue;
      if (scope.domainKeys && !scope.domainKeys.includes(edge.row)) continue;
      const id = `${version.key}\u0000${edge.row}`;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const reference of referencesForRow(mapping, version.key, edge.row)) {
        domains.push({
          framework: version.key,
          domainKey: edge.row,
          domainName: resolved.domainName(version.id, edge.row),
          reference,
        });
      }
    }
  }
  return {
    crosswalks: mapping.crosswalks.map(({ key, name, version, builtIn, definitionHash }) => ({
      key,
      name,
      version,
      builtIn,
      definitionHash,
    })),
    catalogues: report.catalogues,
    domainReferences: domains,
  };
}

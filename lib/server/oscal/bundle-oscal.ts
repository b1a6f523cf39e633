import "server-only";

import { db } from "@/lib/db/client";
import type { BundleData } from "@/lib/export-bundle/bundle-data";
import {
  OSCAL_CATALOG_PATH,
  OSCAL_DIR,
  OSCAL_MAPPING_PATH,
  OSCAL_SSP_PATH,
} from "@/lib/export-bundle/manifest";
import { buildCatalog } from "@/lib/oscal/catalog";
import { serialiseOscal } from "@/lib/oscal/common";
import { buildMappingCollection } from "@/lib/oscal/mapping";
import { buildSsp } from "@/lib/oscal/ssp";
import { latestCrosswalks } from "@/lib/server/crosswalks/latest-crosswalks";
import type { CollectedEvidence } from "@/lib/server/exports/collect-bundle-data";
import type { ResolvedScope } from "@/lib/server/exports/collect-scope";
import { getFrameworkVersion } from "@/lib/server/frameworks/get-framework-version";
import { apiCatalogHref, assertValidOscal } from "@/lib/server/oscal/export-oscal";
import { loadScopeVendors } from "@/lib/server/oscal/load-vendors";
import { bundleEvidenceHref, sspInputFromBundle } from "@/lib/server/oscal/ssp-input-from-bundle";

/**
 * The bundle's name of a framework version's catalog: oscal/catalog.json when the scope's systems
 * use one version (the usual case), else one file per version.
 */
export function bundleCatalogPath(
  framework: { key: string; version: string },
  versionCount: number,
): string {
  if (versionCount <= 1) return OSCAL_CATALOG_PATH;
  const safe = `${framework.key}-${framework.version}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return `${OSCAL_DIR}catalog-${safe}.json`;
}

/**
 * The OSCAL documents of a bundle, from the data the bundle already collected: the SSP (when the
 * scope has duties), the catalog of each framework version in scope and the crosswalks as a
 * mapping collection. Call it after the evidence files were added, so the SSP points at them.
 */
export async function bundleOscalFiles({
  resolved,
  data,
  now,
}: {
  resolved: ResolvedScope;
  data: Pick<BundleData, "systems" | "responsibilities"> & { evidence: CollectedEvidence[] };
  now: Date;
}): Promise<{ path: string; content: string }[]> {
  const workspaceId = resolved.workspace.id;
  const versions = resolved.frameworkVersions;
  const generatedAt = now.toISOString();
  const catalogs: { path: string; key: string; version: string; content: string }[] = [];
  for (const version of versions) {
    let loaded;
    try {
      loaded = await getFrameworkVersion({
        workspaceId,
        key: version.key,
        version: version.version,
      });
    } catch {
      // A stored definition that no longer parses must not block an audit export (as in
      // collect-scope.ts); that version simply has no catalog in the bundle.
      continue;
    }
    const catalog = buildCatalog({ definition: loaded.definition, generatedAt });
    assertValidOscal(catalog, "catalog");
    catalogs.push({
      path: bundleCatalogPath(version, versions.length),
      key: version.key,
      version: version.version,
      content: serialiseOscal(catalog),
    });
  }
  // Relative to oscal/, where the SSP and the mapping sit; a framework version without a catalog
  // in the bundle is pointed at the API.
  const catalogHref = (framework: { key: string; version: string }) => {
    const found = catalogs.find((c) => c.key === framework.key && c.version === framework.version);
    return found ? found.path.slice(OSCAL_DIR.length) : apiCatalogHref(framework);
  };
  const files: { path: string; content: string }[] = [];

  if (data.responsibilities.some((r) => r.duties.length > 0)) {
    const ssp = buildSsp(
      sspInputFromBundle({
        resolved,
        data,
        vendors: await loadScopeVendors(resolved),
        now,
        evidenceHref: bundleEvidenceHref,
        catalogHref,
      }),
    );
    assertValidOscal(ssp, "system-security-plan");
    files.push({ path: OSCAL_SSP_PATH, content: serialiseOscal(ssp) });
  }
  files.push(...catalogs.map(({ path, content }) => ({ path, content })));
  const crosswalks = await latestCrosswalks(db, workspaceId);
  const mapping = buildMappingCollection({
    crosswalks: crosswalks.map((c) => ({
      definition: c.definition,
      definitionHash: c.crosswalk.definitionHash,
    })),
    catalogHref,
    generatedAt,
  });
  if (mapping["mapping-collection"].mappings.length > 0) {
    assertValidOscal(mapping, "mapping-collection");
    files.push({ path: OSCAL_MAPPING_PATH, content: serialiseOscal(mapping) });
  }
  return files;
}

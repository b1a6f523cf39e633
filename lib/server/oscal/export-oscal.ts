import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { buildCatalog } from "@/lib/oscal/catalog";
import { serialiseOscal } from "@/lib/oscal/common";
import { buildMappingCollection } from "@/lib/oscal/mapping";
import { buildSsp } from "@/lib/oscal/ssp";
import { type OscalModel, validateOscal } from "@/lib/oscal/validate";
import { getCrosswalkVersion } from "@/lib/server/crosswalks/get-crosswalk-version";
import { latestCrosswalks } from "@/lib/server/crosswalks/latest-crosswalks";
import { collectBundleData } from "@/lib/server/exports/collect-bundle-data";
import { resolveScope } from "@/lib/server/exports/collect-scope";
import { getFrameworkVersion } from "@/lib/server/frameworks/get-framework-version";
import { loadScopeVendors } from "@/lib/server/oscal/load-vendors";
import { apiEvidenceHref, sspInputFromBundle } from "@/lib/server/oscal/ssp-input-from-bundle";

// The OSCAL documents as the API and the command line hand them out. Each is checked against its
// NIST schema before it leaves: an invalid document is our bug, never something to hand on.

export type OscalExport = { fileName: string; content: string; document: unknown };

/** Where the API serves a framework version's catalog (the SSP and mapping point there). */
export function apiCatalogHref(framework: { key: string; version: string }): string {
  return `/api/v1/oscal/catalog?framework=${encodeURIComponent(framework.key)}&version=${encodeURIComponent(framework.version)}`;
}

/** Throws when a document we built does not validate (a bug: logged as a 500, never served). */
export function assertValidOscal(document: unknown, expected: OscalModel): void {
  const result = validateOscal(document, { expected });
  if (!result.ok) {
    throw new Error(`generated OSCAL ${expected} is invalid: ${result.problems.join("; ")}`);
  }
}

function finish(document: unknown, model: OscalModel, fileName: string): OscalExport {
  assertValidOscal(document, model);
  return { fileName, content: serialiseOscal(document), document };
}

export async function exportSsp({
  workspaceId,
  systemIds,
  now = new Date(),
}: {
  workspaceId: string;
  systemIds?: string[];
  now?: Date;
}): Promise<OscalExport> {
  const resolved = await resolveScope({
    workspaceId,
    scope: { systemIds, includeFiles: false },
  });
  const { data } = await collectBundleData({ resolved, now });
  if (!data.responsibilities.some((r) => r.duties.length > 0)) {
    throw new ValidationError(
      "Nothing to describe: the chosen AI systems have no duties (an OSCAL SSP needs at least one).",
    );
  }
  const input = sspInputFromBundle({
    resolved,
    data,
    vendors: await loadScopeVendors(resolved),
    now,
    evidenceHref: apiEvidenceHref,
    catalogHref: apiCatalogHref,
  });
  return finish(buildSsp(input), "system-security-plan", `${resolved.workspace.slug}-ssp.json`);
}

export async function exportCatalog({
  workspaceId,
  key,
  version,
  now = new Date(),
}: {
  workspaceId: string | null;
  key: string;
  version?: string;
  now?: Date;
}): Promise<OscalExport> {
  const loaded = await getFrameworkVersion({ workspaceId, key, version });
  return finish(
    buildCatalog({ definition: loaded.definition, generatedAt: now.toISOString() }),
    "catalog",
    `${loaded.framework.key}-${loaded.version.version}-catalog.json`,
  );
}

export async function exportMapping({
  workspaceId,
  key,
  version,
  now = new Date(),
}: {
  workspaceId: string | null;
  key?: string;
  version?: string;
  now?: Date;
}): Promise<OscalExport> {
  const crosswalks = key
    ? [await getCrosswalkVersion({ workspaceId, key, version })]
    : (await latestCrosswalks(db, workspaceId)).map((c) => ({
        definition: c.definition,
        definitionHash: c.crosswalk.definitionHash,
      }));
  const document = buildMappingCollection({
    crosswalks,
    catalogHref: apiCatalogHref,
    generatedAt: now.toISOString(),
  });
  if (document["mapping-collection"].mappings.length === 0) {
    throw new NotFoundError("There are no crosswalk edges to export.");
  }
  return finish(
    document,
    "mapping-collection",
    key ? `${key}-mapping.json` : "crosswalks-mapping.json",
  );
}

import "server-only";

import type { BundleData } from "@/lib/export-bundle/bundle-data";
import type { ResponsibilityCode, SspDuty, SspEvidence, SspInput } from "@/lib/oscal/ssp-input";
import type { CollectedEvidence } from "@/lib/server/exports/collect-bundle-data";
import type { ResolvedScope } from "@/lib/server/exports/collect-scope";

export type OscalVendorRow = {
  id: string;
  name: string;
  kind: string | null;
  website: string | null;
  createdAt: Date;
};

/** Where an evidence item is, for its back-matter resource (see the two callers). */
export type EvidenceHref = (item: CollectedEvidence) => string | null;

/** An evidence file's API download path; links keep their URL; notes have no address. */
export const apiEvidenceHref: EvidenceHref = (item) => {
  if (item.url) return safeUrl(item.url);
  return item.fileName && item.storageKey ? `/api/v1/evidence/${item.id}/download` : null;
};

/** Inside a bundle the SSP sits in oscal/, so a file included in the bundle is one folder up. */
export const bundleEvidenceHref: EvidenceHref = (item) => {
  if (item.bundlePath) return `../${item.bundlePath.split("/").map(encodeURIComponent).join("/")}`;
  return item.url ? safeUrl(item.url) : null;
};

function safeUrl(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/**
 * The SSP's input from what the evidence bundle collects (collectBundleData), plus the vendors
 * of the systems in scope. No database access: the bundle calls it with data it already has.
 */
export function sspInputFromBundle({
  resolved,
  data,
  vendors,
  now,
  evidenceHref,
  catalogHref,
}: {
  resolved: ResolvedScope;
  data: Pick<BundleData, "systems" | "responsibilities"> & { evidence: CollectedEvidence[] };
  vendors: OscalVendorRow[];
  now: Date;
  evidenceHref: EvidenceHref;
  catalogHref: SspInput["catalogHref"];
}): SspInput {
  const versionById = new Map(resolved.frameworkVersions.map((v) => [v.id, v]));
  const collected = new Map(data.systems.map((s) => [s.id, s]));
  const vendorIdByName = new Map(vendors.map((v) => [v.name, v.id]));
  const systems = resolved.systems.map((s) => {
    const version = versionById.get(s.frameworkVersionId);
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      lifecycle: s.lifecycle,
      archived: s.archivedAt !== null,
      primaryModel: s.primaryModel,
      deploymentModels: s.deploymentModels,
      riskTier: s.riskTier,
      euAiActCategory: s.euAiActCategory,
      dataClassification: s.dataClassification,
      businessOwnerName: collected.get(s.id)?.businessOwnerName ?? null,
      vendorId: s.vendorId,
      framework: { key: version?.key ?? "unknown", version: version?.version ?? "unknown" },
    };
  });
  const duties: SspDuty[] = data.responsibilities.flatMap((r) =>
    r.duties.map((part) => ({
      id: part.id,
      responsibilityId: r.id,
      systemId: r.systemId,
      domainKey: r.domainKey,
      domainName: r.domainName,
      side: part.side,
      value: r.value as ResponsibilityCode,
      derivedValue: r.derivedValue,
      overrideValue: r.overrideValue,
      overrideJustification: r.overrideJustification,
      critical: r.critical,
      ownerName: part.ownerName,
      status: part.status,
      justification: part.justification,
      dueDate: part.dueDate,
      riskAcceptanceExpiresAt: part.riskAcceptanceExpiresAt,
      evidenceIds: part.evidenceIds,
      covered: part.covered,
    })),
  );
  const evidence: SspEvidence[] = data.evidence.map((item) => ({
    id: item.id,
    kind: item.kind,
    title: item.title,
    description: item.description,
    href: evidenceHref(item),
    contentType: item.contentType,
    sha256: item.sha256,
    collectedAt: item.collectedAt,
    validUntil: item.validUntil,
    reviewStatus: item.reviewStatus,
    state: item.state,
    attestationType: item.attestationType,
    vendorId: item.vendorName ? (vendorIdByName.get(item.vendorName) ?? null) : null,
  }));
  return {
    workspace: resolved.workspace,
    systemIds: resolved.scope.systemIds,
    generatedAt: now.toISOString(),
    systems,
    vendors: vendors.map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind,
      website: v.website,
      recordedOn: v.createdAt.toISOString().slice(0, 10),
    })),
    duties,
    evidence,
    frameworkVersions: resolved.frameworkVersions.map(({ key, version, name }) => ({
      key,
      version,
      name,
    })),
    catalogHref,
  };
}

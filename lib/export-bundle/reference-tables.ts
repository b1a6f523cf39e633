// CSV tables of external references: coverage by reference (per catalogue and per entry) and the
// references related to each security domain. Shared by the evidence bundle and the app's
// download, so both write the same columns.
import type { RelatedReference } from "@/lib/crosswalks/active-mapping";
import { csvLines, type CsvValue } from "@/lib/export-bundle/csv";
import type { CatalogueCoverage, EntryCoverage } from "@/lib/view/crosswalks/references";

type Column<T> = { header: string; value: (row: T) => CsvValue };

export type ReferenceCoverageRow = {
  level: "catalogue" | "entry";
  catalogue: CatalogueCoverage;
  entry: EntryCoverage | null;
};

const referenceCoverageColumns: Column<ReferenceCoverageRow>[] = [
  { header: "level", value: (r) => r.level },
  { header: "catalogue", value: (r) => r.catalogue.key },
  { header: "catalogue_name", value: (r) => r.catalogue.name },
  { header: "catalogue_version", value: (r) => r.catalogue.version },
  { header: "entry", value: (r) => r.entry?.id ?? null },
  { header: "title", value: (r) => r.entry?.title ?? null },
  { header: "group", value: (r) => r.entry?.group ?? null },
  {
    header: "domains",
    value: (r) => r.entry?.domains.map((d) => `${d.framework}/${d.row}`).join("; ") ?? null,
  },
  { header: "duties", value: (r) => (r.entry ?? r.catalogue).summary.totalDuties },
  { header: "covered_duties", value: (r) => (r.entry ?? r.catalogue).summary.coveredDuties },
  { header: "coverage", value: (r) => (r.entry ?? r.catalogue).summary.coverage },
  { header: "owned_rate", value: (r) => (r.entry ?? r.catalogue).summary.ownedRate },
  { header: "implemented_rate", value: (r) => (r.entry ?? r.catalogue).summary.implementedRate },
  { header: "evidenced_rate", value: (r) => (r.entry ?? r.catalogue).summary.evidencedRate },
  {
    header: "provider_assured_rate",
    value: (r) => (r.entry ?? r.catalogue).summary.providerAssuredRate,
  },
];

/** One row per catalogue (its total, each duty once), then one per entry of it. */
export function referenceCoverageRows(catalogues: readonly CatalogueCoverage[]) {
  return catalogues.flatMap((catalogue): ReferenceCoverageRow[] => [
    { level: "catalogue", catalogue, entry: null },
    ...catalogue.entries.map((entry) => ({ level: "entry" as const, catalogue, entry })),
  ]);
}

export function referenceCoverageCsv(catalogues: readonly CatalogueCoverage[]) {
  return csvLines(referenceCoverageColumns, referenceCoverageRows(catalogues));
}

export type DomainReferenceRow = {
  framework: string;
  domainKey: string;
  domainName: string;
  reference: RelatedReference;
};

const domainReferenceColumns: Column<DomainReferenceRow>[] = [
  { header: "framework", value: (r) => r.framework },
  { header: "domain_key", value: (r) => r.domainKey },
  { header: "domain", value: (r) => r.domainName },
  { header: "catalogue", value: (r) => r.reference.catalogue },
  { header: "entry", value: (r) => r.reference.entry },
  { header: "title", value: (r) => r.reference.title },
  { header: "relationship", value: (r) => r.reference.relationship },
  { header: "rationale", value: (r) => r.reference.rationale },
  { header: "derived_from", value: (r) => r.reference.derivedFrom.join("; ") },
  { header: "crosswalk", value: (r) => r.reference.crosswalk },
];

export function domainReferencesCsv(rows: Iterable<DomainReferenceRow>) {
  return csvLines(domainReferenceColumns, rows);
}

// The bundle's manifest: what an auditor (or `npm run export:verify`) reads first. Pure types and
// helpers, no database, so the offline verifier and the unit tests use exactly the same shapes.

export const BUNDLE_FORMAT = "ai-srm-evidence-bundle";
export const BUNDLE_FORMAT_VERSION = 1;

export const MANIFEST_PATH = "manifest.json";
export const CHECKSUMS_PATH = "checksums.sha256";
export const AUDIT_LOG_PATH = "audit-log.jsonl";
export const REPORT_PATH = "report.html";
export const REPORT_PDF_PATH = "report.pdf";
export const REFERENCES_PATH = "references.csv";
export const REFERENCE_COVERAGE_PATH = "coverage-by-reference.csv";
/** OSCAL 1.2.1 documents (docs/oscal.md); export:verify validates every oscal/*.json. */
export const OSCAL_DIR = "oscal/";
export const OSCAL_SSP_PATH = "oscal/ssp.json";
export const OSCAL_CATALOG_PATH = "oscal/catalog.json";
export const OSCAL_MAPPING_PATH = "oscal/mapping.json";

export type BundleScope = {
  /** Omitted: every system of the workspace. */
  systemIds?: string[];
  /** Omitted: every security domain. */
  domainKeys?: string[];
  /** Inclusive UTC days "YYYY-MM-DD"; filter evidence (collected at) and audit events (time). */
  from?: string;
  to?: string;
  includeFiles: boolean;
};

export type ManifestFile = { path: string; bytes: number; sha256: string };

export type ManifestCoverage = {
  totalDuties: number;
  coveredDuties: number;
  coverage: number | null;
  ownedRate: number | null;
  implementedRate: number | null;
  evidencedRate: number | null;
  providerAssuredRate: number | null;
};

/** Where the exported audit events sit in the workspace's chain, so a partial range verifies too. */
export type ManifestAudit = {
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** prevHash of the first exported event (the genesis hash when the log starts at seq 1). */
  firstPrevHash: string | null;
  lastHash: string | null;
  /** The workspace's chain head when the export started. */
  headSeq: number;
  headHash: string | null;
};

export type Manifest = {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  workspace: { id: string; slug: string; name: string };
  scope: BundleScope;
  generatedAt: string;
  generatedBy: string;
  frameworkVersions: { key: string; name: string; version: string; definitionHash: string }[];
  /** Crosswalks behind references.csv and coverage-by-reference.csv (absent in older bundles). */
  crosswalks?: { key: string; version: string; definitionHash: string }[];
  counts: {
    systems: number;
    responsibilities: number;
    parts: number;
    evidence: number;
    evidenceFiles: number;
    gaps: number;
    auditEvents: number;
  };
  coverage: ManifestCoverage;
  audit: ManifestAudit;
  /** Evidence whose file could not be included (missing from storage, or stored bytes changed). */
  evidenceIssues: { evidenceId: string; problem: string }[];
  /** Every file of the bundle except manifest.json and checksums.sha256, in the order written. */
  files: ManifestFile[];
};

export function serialiseManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `sha256sum -c` format: "<hex>  <path>" (two spaces: text mode), one line per file. */
export function buildChecksums(files: readonly ManifestFile[]): string {
  return files.map((file) => `${file.sha256}  ${file.path}\n`).join("");
}

export type ChecksumLine = { sha256: string; path: string };

/** Parses checksums.sha256; returns the first malformed line number instead of guessing. */
export function parseChecksums(
  text: string,
): { ok: true; lines: ChecksumLine[] } | { ok: false; line: number } {
  const lines: ChecksumLine[] = [];
  const rows = text.split("\n");
  for (const [index, row] of rows.entries()) {
    if (row === "" && index === rows.length - 1) continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(row);
    if (!match?.[1] || !match[2]) return { ok: false, line: index + 1 };
    lines.push({ sha256: match[1], path: match[2] });
  }
  return { ok: true, lines };
}

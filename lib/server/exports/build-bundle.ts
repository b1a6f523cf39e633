import "server-only";

import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { toAuditLine } from "@/lib/export-bundle/audit-log";
import { assignEvidencePaths } from "@/lib/export-bundle/evidence-path";
import {
  AUDIT_LOG_PATH,
  buildChecksums,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleScope,
  CHECKSUMS_PATH,
  type Manifest,
  MANIFEST_PATH,
  type ManifestFile,
  REFERENCE_COVERAGE_PATH,
  REFERENCES_PATH,
  REPORT_PATH,
  REPORT_PDF_PATH,
  serialiseManifest,
} from "@/lib/export-bundle/manifest";
import { domainReferencesCsv, referenceCoverageCsv } from "@/lib/export-bundle/reference-tables";
import { renderReport } from "@/lib/export-bundle/report-html";
import {
  approvalsCsv,
  commentsCsv,
  evidenceCsv,
  gapsCsv,
  plansCsv,
  responsibilitiesCsv,
  systemsCsv,
} from "@/lib/export-bundle/tables";
import { createBundleZipWriter } from "@/lib/export-bundle/zip-writer";
import { renderReportPdf } from "@/lib/report-pdf/render-report-pdf";
import { auditEvents, auditSummary, findAuditRange } from "@/lib/server/exports/collect-audit";
import { collectBundleData } from "@/lib/server/exports/collect-bundle-data";
import { collectPlans } from "@/lib/server/exports/collect-plans";
import { resolveScope } from "@/lib/server/exports/collect-scope";
import { collectStandards } from "@/lib/server/exports/collect-standards";
import { bundleOscalFiles } from "@/lib/server/oscal/bundle-oscal";
import { collectReportData } from "@/lib/server/report/collect-report-data";
import { writeObject } from "@/lib/server/storage/pending-objects";
import { evidenceStorage, exportStorage } from "@/lib/storage/evidence-storage";
import { ObjectNotFoundError, type ObjectStorage, type StoredObject } from "@/lib/storage/storage";

export class ExportCancelledError extends Error {
  constructor() {
    super("The export was cancelled.");
    this.name = "ExportCancelledError";
  }
}

export type BuildHooks = {
  /** 0–100; called often, the caller decides how often to persist it. */
  onProgress?: (percent: number) => void | Promise<void>;
  /** Asked between files; true stops the build (ExportCancelledError) and deletes the partial file. */
  isCancelled?: () => boolean | Promise<boolean>;
};

// Per-file weight in progress units, so thousands of tiny files still move the bar.
const FILE_OVERHEAD_BYTES = 64 * 1024;
// A bundle has no size limit of its own; this only keeps a runaway build from filling storage.
const MAX_BUNDLE_BYTES = 1024 ** 4;

/**
 * Where a bundle goes: a new object in export storage (the export jobs; the key comes back as
 * `storageKey`, under a pending-objects entry until the job row adopts it), or a local file (the
 * command-line export).
 */
export type BundleDestination = { storage: ObjectStorage } | { filePath: string };

/**
 * Builds one bundle. Into storage, the object becomes visible only once complete; into a file,
 * bytes go to `<filePath>.partial` and the file is renamed only after the ZIP's central directory
 * is written. Either way a failed or cancelled build never leaves anything that looks complete.
 * Evidence files come first (they dominate the
 * time, so progress is weighted by their bytes), then the tables, the report, the audit log, and
 * last the manifest (it lists every other file's hash) and checksums.sha256 (it lists the manifest).
 */
export async function buildBundle(input: {
  workspaceId: string;
  scope: BundleScope;
  generatedBy: string;
  destination?: BundleDestination;
  hooks?: BuildHooks;
  now?: Date;
  /** Where the evidence files are read from. */
  storage?: ObjectStorage;
}): Promise<{ bytes: number; sha256: string; manifest: Manifest; storageKey?: string }> {
  const now = input.now ?? new Date();
  const hooks = input.hooks ?? {};
  const storage = input.storage ?? evidenceStorage();
  const checkCancelled = async () => {
    if (await hooks.isCancelled?.()) throw new ExportCancelledError();
  };

  const resolved = await resolveScope({ workspaceId: input.workspaceId, scope: input.scope });
  const { workspace } = resolved;
  const collected = await collectBundleData({ resolved, now });
  const { data } = collected;
  data.standards = await collectStandards({ resolved, now });
  Object.assign(data, await collectPlans({ resolved, data, now }));
  await hooks.onProgress?.(5);
  await checkCancelled();

  const destination = input.destination ?? { storage: exportStorage() };
  let stored: Promise<StoredObject> | undefined;
  let partialPath: string | undefined;
  let write: (bytes: Readable) => Promise<unknown>;
  if ("storage" in destination) {
    write = (bytes) => {
      stored = writeObject({
        area: "EXPORTS",
        source: bytes,
        maxBytes: MAX_BUNDLE_BYTES,
        storage: destination.storage,
      });
      return stored;
    };
  } else {
    partialPath = `${destination.filePath}.partial`;
    await mkdir(path.dirname(destination.filePath), { recursive: true });
    await rm(partialPath, { force: true });
    const zipFile = partialPath;
    write = (bytes) => pipeline(bytes, createWriteStream(zipFile, { flags: "wx", mode: 0o600 }));
  }
  const zip = createBundleZipWriter({ write, mtime: now });
  try {
    const files: ManifestFile[] = [];
    const evidenceIssues: Manifest["evidenceIssues"] = [];
    const withFiles = input.scope.includeFiles
      ? data.evidence.filter((e) => e.storageKey && e.fileName)
      : [];
    const paths = assignEvidencePaths(
      withFiles.map((e) => ({ evidenceId: e.id, group: e.group, fileName: e.fileName ?? "file" })),
    );
    const totalUnits =
      withFiles.reduce((n, e) => n + (e.sizeBytes ?? 0) + FILE_OVERHEAD_BYTES, 0) || 1;
    let doneUnits = 0;
    for (const item of withFiles) {
      await checkCancelled();
      const bundlePath = paths.get(item.id) ?? "";
      let source;
      try {
        source = await storage.get(item.storageKey ?? "");
      } catch (error) {
        if (!(error instanceof ObjectNotFoundError)) throw error;
        evidenceIssues.push({ evidenceId: item.id, problem: "file missing from storage" });
        continue;
      }
      const file = await zip.add(bundlePath, source);
      files.push(file);
      item.bundlePath = bundlePath;
      if (item.sha256 && item.sha256 !== file.sha256) {
        evidenceIssues.push({
          evidenceId: item.id,
          problem: `stored file differs from the SHA-256 recorded at upload (${item.sha256})`,
        });
      }
      doneUnits += (item.sizeBytes ?? 0) + FILE_OVERHEAD_BYTES;
      await hooks.onProgress?.(5 + Math.floor((doneUnits / totalUnits) * 85));
    }

    await checkCancelled();
    files.push(await zip.add("systems.csv", systemsCsv(data.systems)));
    files.push(await zip.add("responsibilities.csv", responsibilitiesCsv(data.responsibilities)));
    files.push(await zip.add("evidence.csv", evidenceCsv(data.evidence)));
    files.push(await zip.add("gaps.csv", gapsCsv(data.gaps)));
    files.push(await zip.add("approvals.csv", approvalsCsv(data.approvals ?? [])));
    files.push(await zip.add("plans.csv", plansCsv(data.plans ?? [])));
    files.push(await zip.add("comments.csv", commentsCsv(data.comments ?? [])));
    files.push(
      await zip.add(REFERENCES_PATH, domainReferencesCsv(data.standards.domainReferences)),
    );
    files.push(
      await zip.add(REFERENCE_COVERAGE_PATH, referenceCoverageCsv(data.standards.catalogues)),
    );
    // OSCAL documents, after the evidence files so the SSP points at the files in the bundle.
    for (const file of await bundleOscalFiles({ resolved, data, now }))
      files.push(await zip.add(file.path, [file.content]));
    await hooks.onProgress?.(92);

    await checkCancelled();
    const audit = auditSummary({
      headSeq: workspace.auditHeadSeq,
      headHash: workspace.auditHeadHash,
    });
    const range = await findAuditRange({
      workspaceId: workspace.id,
      headSeq: workspace.auditHeadSeq,
      from: resolved.from,
      to: resolved.to,
    });
    files.push(
      await zip.add(
        AUDIT_LOG_PATH,
        (async function* () {
          for await (const event of auditEvents({ workspaceId: workspace.id, range })) {
            audit.add(event);
            yield toAuditLine(event);
          }
        })(),
      ),
    );
    await hooks.onProgress?.(96);

    const header: Omit<Manifest, "files"> = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name },
      scope: input.scope,
      generatedAt: now.toISOString(),
      generatedBy: input.generatedBy,
      frameworkVersions: resolved.frameworkVersions.map(
        ({ key, name, version, definitionHash }) => ({ key, name, version, definitionHash }),
      ),
      crosswalks: data.standards.crosswalks.map(({ key, version, definitionHash }) => ({
        key,
        version,
        definitionHash,
      })),
      counts: {
        systems: data.systems.length,
        responsibilities: data.responsibilities.length,
        parts: collected.dutyCount,
        evidence: data.evidence.length,
        evidenceFiles: data.evidence.filter((e) => e.bundlePath).length,
        gaps: data.gaps.length,
        auditEvents: audit.result.events,
      },
      coverage: collected.coverage,
      audit: audit.result,
      evidenceIssues,
    };
    // The report shows which evidence files made it into the bundle, so it is written after them.
    files.push(await zip.add(REPORT_PATH, [renderReport({ manifest: header, data })]));
    // The same report as a PDF, for the bundle's systems and domains.
    const pdf = await renderReportPdf(
      await collectReportData({
        workspaceId: workspace.id,
        generatedBy: input.generatedBy,
        scope: { systemIds: input.scope.systemIds, domainKeys: input.scope.domainKeys },
        now,
      }),
    );
    files.push(await zip.add(REPORT_PDF_PATH, Readable.from([pdf])));
    await checkCancelled();

    const manifest: Manifest = { ...header, files: [...files] };
    const manifestFile = await zip.add(MANIFEST_PATH, [serialiseManifest(manifest)]);
    await zip.add(CHECKSUMS_PATH, [buildChecksums([...files, manifestFile])]);
    const result = await zip.finish();
    if (partialPath && "filePath" in destination) await rename(partialPath, destination.filePath);
    const storageKey = stored ? (await stored).key : undefined;
    await hooks.onProgress?.(100);
    return { ...result, manifest, storageKey };
  } catch (error) {
    await zip.abort();
    if (partialPath) await rm(partialPath, { force: true });
    throw error;
  }
}

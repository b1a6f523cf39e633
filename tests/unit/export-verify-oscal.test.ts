// export:verify checks the OSCAL documents of a bundle against NIST's 1.2.1 schemas: a valid one
// is reported, an altered one fails its hash, and an invalid one fails even when the manifest and
// checksums were rewritten to match it (someone rebuilding the bundle around a broken file).
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

import {
  AUDIT_LOG_PATH,
  buildChecksums,
  BUNDLE_FORMAT,
  CHECKSUMS_PATH,
  type Manifest,
  MANIFEST_PATH,
  type ManifestFile,
  OSCAL_CATALOG_PATH,
  serialiseManifest,
} from "@/lib/export-bundle/manifest";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { createBundleZipWriter } from "@/lib/export-bundle/zip-writer";
import type { FrameworkDefinition } from "@/lib/frameworks/schema";
import { buildCatalog } from "@/lib/oscal/catalog";
import { serialiseOscal } from "@/lib/oscal/common";

import { rewriteZip } from "./export-test-zip";

let dir: string;
const catalog = buildCatalog({
  definition: parse(
    readFileSync("frameworks/ai-security-srm/1.1.0.yaml", "utf8"),
  ) as FrameworkDefinition,
  generatedAt: "2026-12-07T10:00:00.000Z",
});

async function makeBundle(name: string, oscal: string): Promise<string> {
  const file = path.join(dir, name);
  const zip = createBundleZipWriter({ filePath: file, mtime: new Date("2026-01-01T00:00:00Z") });
  const files: ManifestFile[] = [];
  files.push(await zip.add(OSCAL_CATALOG_PATH, [oscal]));
  files.push(await zip.add(AUDIT_LOG_PATH, []));
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: 1,
    workspace: { id: "ws1", slug: "demo", name: "Demo" },
    scope: { includeFiles: false },
    generatedAt: "2026-01-02T00:00:00.000Z",
    generatedBy: "test",
    frameworkVersions: [],
    counts: {
      systems: 0,
      responsibilities: 0,
      parts: 0,
      evidence: 0,
      evidenceFiles: 0,
      gaps: 0,
      auditEvents: 0,
    },
    coverage: {
      totalDuties: 0,
      coveredDuties: 0,
      coverage: null,
      ownedRate: null,
      implementedRate: null,
      evidencedRate: null,
      providerAssuredRate: null,
    },
    audit: {
      events: 0,
      firstSeq: null,
      lastSeq: null,
      firstPrevHash: null,
      lastHash: null,
      headSeq: 0,
      headHash: null,
    },
    evidenceIssues: [],
    files,
  };
  const manifestFile = await zip.add(MANIFEST_PATH, [serialiseManifest(manifest)]);
  await zip.add(CHECKSUMS_PATH, [buildChecksums([...files, manifestFile])]);
  await zip.finish();
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "export-verify-oscal-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("OSCAL files in a bundle", () => {
  it("reports a valid catalog", async () => {
    const result = await verifyBundle(await makeBundle("valid.zip", serialiseOscal(catalog)));
    expect(result.problems).toEqual([]);
    expect(result.checks).toContain("oscal/catalog.json: a valid OSCAL 1.2.1 catalog");
  });

  it("rejects an altered OSCAL file by its hash", async () => {
    const valid = await makeBundle("base.zip", serialiseOscal(catalog));
    const altered = path.join(dir, "altered.zip");
    await rewriteZip(valid, altered, (files) => {
      const text = files.get(OSCAL_CATALOG_PATH)!.toString("utf8");
      files.set(OSCAL_CATALOG_PATH, Buffer.from(text.replace("Data Security", "Data Insecurity")));
    });
    const result = await verifyBundle(altered);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/^oscal\/catalog\.json: SHA-256 mismatch/);
  });

  it("rejects an invalid OSCAL file even when the manifest and checksums match it", async () => {
    const broken = structuredClone(catalog) as { catalog: Record<string, unknown> };
    delete broken.catalog.metadata;
    const result = await verifyBundle(await makeBundle("invalid.zip", serialiseOscal(broken)));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^oscal\/catalog\.json: not valid OSCAL 1\.2\.1 \(.*must have required property 'metadata'/,
      ),
    ]);
  });

  it("rejects a file under oscal/ that is not JSON or not OSCAL", async () => {
    expect((await verifyBundle(await makeBundle("text.zip", "not json"))).problems).toEqual([
      "oscal/catalog.json: not valid JSON",
    ]);
    expect((await verifyBundle(await makeBundle("other.zip", '{"a":1}'))).problems).toEqual([
      expect.stringContaining("oscal/catalog.json: not valid OSCAL 1.2.1 (not an OSCAL document"),
    ]);
  });
});

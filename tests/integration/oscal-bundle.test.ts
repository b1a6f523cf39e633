// The evidence bundle's OSCAL files: oscal/ssp.json, oscal/catalog.json and oscal/mapping.json are
// listed in the manifest and checksums, validate against the 1.2.1 schemas, the SSP points at the
// evidence files inside the bundle with their SHA-256, and export:verify fails a bundle whose
// OSCAL file was changed (by its hash) or rebuilt invalid (by the schema).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  buildChecksums,
  CHECKSUMS_PATH,
  type Manifest,
  MANIFEST_PATH,
  OSCAL_SSP_PATH,
  serialiseManifest,
} from "@/lib/export-bundle/manifest";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { validateOscal } from "@/lib/oscal/validate";
import { buildBundle } from "@/lib/server/exports/build-bundle";

import { readZip, rewriteZip, writeZip } from "../unit/export-test-zip";
import { createExportWorld, type ExportWorld } from "./export-fixtures";
import { type StandardsSide, standardsSide } from "./standards-fixtures";

const run = promisify(execFile);
let dir: string;
let world: ExportWorld;
let side: StandardsSide;
let filesBundle: string;
let standardsBundle: string;

async function verifyCli(zip: string) {
  try {
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/export-verify.ts", zip]);
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "oscal-bundle-"));
  // The built-ins first: the standards fixture seeds them only into an empty catalogue.
  side = await standardsSide("Oscal");
  world = await createExportWorld("oscal");
  filesBundle = path.join(dir, "files.zip");
  await buildBundle({
    workspaceId: world.workspace.id,
    scope: { includeFiles: true },
    generatedBy: "test",
    destination: { filePath: filesBundle },
  });
  standardsBundle = path.join(dir, "standards.zip");
  await buildBundle({
    workspaceId: side.workspace.id,
    scope: { includeFiles: false },
    generatedBy: "test",
    destination: { filePath: standardsBundle },
  });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("OSCAL in the evidence bundle", () => {
  it("lists the SSP, the catalog and the mapping, each valid, and verifies", async () => {
    const files = await readZip(standardsBundle);
    const manifest = JSON.parse(files.get(MANIFEST_PATH)!.toString("utf8")) as Manifest;
    const listed = manifest.files.map((f) => f.path);
    for (const [name, model] of [
      ["oscal/ssp.json", "system-security-plan"],
      ["oscal/catalog.json", "catalog"],
      ["oscal/mapping.json", "mapping-collection"],
    ] as const) {
      expect(listed).toContain(name);
      expect(files.get(CHECKSUMS_PATH)!.toString("utf8")).toContain(`  ${name}\n`);
      expect(validateOscal(JSON.parse(files.get(name)!.toString("utf8")))).toEqual({
        ok: true,
        model,
      });
    }
    const ssp = files.get(OSCAL_SSP_PATH)!.toString("utf8");
    expect(ssp).toContain('"href": "catalog.json"');
    const result = await verifyBundle(standardsBundle);
    expect(result.problems).toEqual([]);
    expect(result.checks).toEqual(
      expect.arrayContaining([
        "oscal/ssp.json: a valid OSCAL 1.2.1 system-security-plan",
        "oscal/catalog.json: a valid OSCAL 1.2.1 catalog",
        "oscal/mapping.json: a valid OSCAL 1.2.1 mapping-collection",
      ]),
    );
  });

  it("points the SSP's evidence resources at the files in the bundle, with their SHA-256", async () => {
    const files = await readZip(filesBundle);
    const ssp = JSON.parse(files.get(OSCAL_SSP_PATH)!.toString("utf8")) as {
      "system-security-plan": {
        "back-matter": {
          resources: { rlinks?: { href: string; hashes?: { value: string }[] }[] }[];
        };
      };
    };
    const rlinks = ssp["system-security-plan"]["back-matter"].resources.flatMap(
      (r) => r.rlinks ?? [],
    );
    const inBundle = rlinks.filter((l) => l.href.startsWith("../evidence/"));
    expect(inBundle).toHaveLength(4);
    for (const link of inBundle) {
      const name = decodeURIComponent(link.href.slice(3));
      const bytes = files.get(name);
      expect(bytes, name).toBeDefined();
      expect(link.hashes?.[0]?.value).toBe(sha256(bytes!));
    }
    // The evidence world's framework definition does not parse: no catalog, the bundle still
    // verifies.
    expect([...files.keys()].some((name) => name.startsWith("oscal/catalog"))).toBe(false);
    expect((await verifyBundle(filesBundle)).problems).toEqual([]);
  });

  it("fails export:verify when an OSCAL file was changed or rebuilt invalid", async () => {
    const altered = path.join(dir, "altered.zip");
    await rewriteZip(standardsBundle, altered, (files) => {
      const text = files.get(OSCAL_SSP_PATH)!.toString("utf8");
      files.set(OSCAL_SSP_PATH, Buffer.from(text.replace('"planned"', '"implemented"')));
    });
    const changed = await verifyCli(altered);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/^FAILED .*oscal\/ssp\.json: SHA-256 mismatch/m);

    // Rebuilt around an invalid SSP: manifest and checksums agree with the new bytes, so only
    // the schema check can catch it.
    const files = await readZip(standardsBundle);
    const document = JSON.parse(files.get(OSCAL_SSP_PATH)!.toString("utf8")) as {
      "system-security-plan": Record<string, unknown>;
    };
    delete document["system-security-plan"]["control-implementation"];
    const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`);
    files.set(OSCAL_SSP_PATH, bytes);
    const manifest = JSON.parse(files.get(MANIFEST_PATH)!.toString("utf8")) as Manifest;
    manifest.files = manifest.files.map((f) =>
      f.path === OSCAL_SSP_PATH ? { ...f, bytes: bytes.length, sha256: sha256(bytes) } : f,
    );
    const manifestBytes = Buffer.from(serialiseManifest(manifest));
    files.set(MANIFEST_PATH, manifestBytes);
    files.set(
      CHECKSUMS_PATH,
      Buffer.from(
        buildChecksums([
          ...manifest.files,
          { path: MANIFEST_PATH, bytes: manifestBytes.length, sha256: sha256(manifestBytes) },
        ]),
      ),
    );
    const invalid = path.join(dir, "invalid.zip");
    await writeZip(invalid, files);
    const result = await verifyCli(invalid);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^FAILED .*oscal\/ssp\.json: not valid OSCAL 1\.2\.1 \(.*required property 'control-implementation'/m,
    );
    expect(result.stderr).not.toMatch(/SHA-256 mismatch/);
  });
});

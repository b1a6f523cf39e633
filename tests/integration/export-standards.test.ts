// The evidence bundle's standards contents: references.csv (each domain's related references),
// coverage-by-reference.csv (the engine's figures for the bundle's scope), the report's section
// and the crosswalks in the manifest; the bundle still verifies. Built straight into a temporary
// folder; where bundle bytes are stored is the export job's concern, not this test's.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseCsv } from "@/lib/csv/csv";
import type { Manifest } from "@/lib/export-bundle/manifest";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";
import { buildBundle } from "@/lib/server/exports/build-bundle";

import { type StandardsSide, standardsSide } from "./standards-fixtures";

const run = promisify(execFile);
let side: StandardsSide;
let dir: string;
let unpacked: string;
let zip: string;
const now = new Date();

function csvObjects(text: string) {
  const parsed = parseCsv(text);
  return parsed.rows.map((row) =>
    Object.fromEntries(parsed.header.map((name, i) => [name, row.cells[i] ?? ""])),
  );
}

beforeAll(async () => {
  side = await standardsSide("Bundle");
  dir = await mkdtemp(path.join(os.tmpdir(), "export-standards-"));
  zip = path.join(dir, "bundle.zip");
  await buildBundle({
    workspaceId: side.workspace.id,
    scope: { includeFiles: false },
    generatedBy: side.owner.email,
    destination: { filePath: zip },
    now,
  });
  unpacked = path.join(dir, "unpacked");
  await run("unzip", ["-q", zip, "-d", unpacked]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("standards in the evidence bundle", () => {
  it("lists the crosswalks and the new files in the manifest, and still verifies", async () => {
    const manifest = JSON.parse(
      await readFile(path.join(unpacked, "manifest.json"), "utf8"),
    ) as Manifest;
    expect(manifest.crosswalks).toEqual([
      {
        key: "ai-srm-standards",
        version: "1.0.0",
        definitionHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["references.csv", "coverage-by-reference.csv", "report.pdf"]),
    );
    expect((await verifyBundle(zip)).problems).toEqual([]);
  });

  it("relates each domain of the systems' framework to its references", async () => {
    const rows = csvObjects(await readFile(path.join(unpacked, "references.csv"), "utf8"));
    const agent = rows.filter((r) => r.domain_key === "agent_governance");
    expect(agent.map((r) => `${r.catalogue}:${r.entry}`)).toContain("owasp-llm-top10:LLM06:2025");
    expect(agent.find((r) => r.entry === "LLM06:2025")).toMatchObject({
      framework: "ai-security-srm",
      domain: "Agent Governance",
      relationship: "superset-of",
    });
    expect(rows.some((r) => (r.derived_from ?? "").startsWith("cosai-risk-map: control"))).toBe(
      true,
    );
    expect(new Set(rows.map((r) => r.framework))).toEqual(new Set(["ai-security-srm"]));
  });

  it("writes the engine's coverage by reference, per catalogue and entry", async () => {
    const rows = csvObjects(
      await readFile(path.join(unpacked, "coverage-by-reference.csv"), "utf8"),
    );
    const expected = await loadReferenceCoverage({ workspaceId: side.workspace.id, now });
    const owasp = expected.catalogues.find((c) => c.key === "owasp-llm-top10")!;
    const total = rows.find((r) => r.level === "catalogue" && r.catalogue === "owasp-llm-top10")!;
    expect(Number(total.duties)).toBe(owasp.summary.totalDuties);
    expect(Number(total.covered_duties)).toBe(owasp.summary.coveredDuties);
    for (const entry of owasp.entries) {
      const row = rows.find((r) => r.catalogue === "owasp-llm-top10" && r.entry === entry.id)!;
      expect(Number(row.duties), entry.id).toBe(entry.summary.totalDuties);
    }
    expect(rows.filter((r) => r.level === "catalogue")).toHaveLength(6);
  });

  it("carries the PDF report next to report.html, for the bundle's scope", async () => {
    const { stdout } = await run("pdftotext", [path.join(unpacked, "report.pdf"), "-"]);
    const text = stdout.replace(/\s+/g, " ");
    expect(text).toContain("security responsibility report");
    expect(text).toContain("Standards at a glance");
    expect(text).toContain("LLM06:2025 Excessive Agency");
    expect(text).toContain(side.owner.email);
    const { stdout: checked } = await run("sha256sum", ["-c", "checksums.sha256"], {
      cwd: unpacked,
    });
    expect(checked).toContain("report.pdf: OK");
  });

  it("adds a coverage-by-reference section to the report", async () => {
    const html = await readFile(path.join(unpacked, "report.html"), "utf8");
    expect(html).toContain('<h2 id="references">Coverage by external reference</h2>');
    expect(html).toContain("<code>LLM06:2025</code> Excessive Agency");
    expect(html).toContain("ISO/IEC 42001 Annex A controls 2023");
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
  });
});

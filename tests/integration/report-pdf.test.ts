// The PDF report rendered from a real workspace, then read back with poppler-utils (Debian's
// pdftotext and pdftoppm, as an auditor's machine would): the first page carries the headline
// coverage, the rates and the standards at a glance; later pages the domains, deployment models,
// top gaps, coverage by external reference and the audit summary. Another workspace's names
// never appear.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderReportPdf } from "@/lib/report-pdf/render-report-pdf";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { collectReportData } from "@/lib/server/report/collect-report-data";
import { percentText } from "@/lib/view/crosswalks/references";
import type { ReportData } from "@/lib/view/report/report-data";

import { type StandardsSide, standardsSide } from "./standards-fixtures";

const run = promisify(execFile);
let a: StandardsSide;
let dir: string;
let data: ReportData;
let pdfPath: string;

/** The text of one page or all, whitespace runs squashed (layout columns become single spaces). */
async function pdftotext(file: string, page?: number) {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  const { stdout } = await run("pdftotext", [...range, file, "-"]);
  return stdout.replace(/\s+/g, " ");
}

/** "42 %" as the report prints it; text extraction may drop the narrow space. */
const percentPattern = (rate: number | null) =>
  new RegExp(percentText(rate).replace(" %", "\\s?%"));

beforeAll(async () => {
  a = await standardsSide("Pdfalpha");
  await standardsSide("Pdfbravo");
  dir = await mkdtemp(path.join(os.tmpdir(), "report-pdf-"));
  data = await collectReportData({ workspaceId: a.workspace.id, generatedBy: a.owner.email });
  pdfPath = path.join(dir, "report.pdf");
  await writeFile(pdfPath, await renderReportPdf(data));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the PDF report", () => {
  it("is a PDF whose first page converts to an image (pdftoppm)", async () => {
    const prefix = path.join(dir, "page");
    await run("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", pdfPath, prefix]);
    const images = (await readdir(dir)).filter((f) => f.startsWith("page") && f.endsWith(".png"));
    expect(images).toHaveLength(1);
    expect((await stat(path.join(dir, images[0]!))).size).toBeGreaterThan(5_000);
    const { stdout } = await run("pdfinfo", [pdfPath]);
    expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(3);
    expect(stdout).toMatch(/^Title:\s+Security responsibility report: Pdfalpha/m);
  });

  it("puts the headline, the rates and the standards on the first page", async () => {
    const first = await pdftotext(pdfPath, 1);
    const coverage = await getCoverage({ workspaceId: a.workspace.id });
    expect(coverage.totalDuties).toBeGreaterThan(0);
    expect(first).toContain(data.workspace.name);
    expect(first).toMatch(percentPattern(coverage.coverage));
    expect(first).toContain(
      `${coverage.coveredDuties} of ${coverage.totalDuties} duties across 2 AI systems`,
    );
    for (const label of ["Owned", "Implemented", "Evidenced", "Provider-assured"]) {
      expect(first).toContain(label);
    }
    expect(first).toContain("OWASP Top 10 for LLM Applications 2025");
    expect(first).toContain("ISO/IEC 42001 Annex A controls 2023");
    expect(first).toMatch(
      /events recorded; the hash chain was recomputed for this report and is\s+intact/,
    );
    expect(first).toContain("Page 1 of");
  });

  it("has the domains, models, top gaps, references and audit summary on the later pages", async () => {
    const all = await pdftotext(pdfPath);
    expect(all).toContain("Coverage by security domain");
    expect(all).toContain("Agent Governance");
    expect(all).toContain("Coverage by deployment model");
    expect(all).toContain("Agentic AI");
    expect(all).toContain("Top gaps");
    expect(all).toContain(data.topGaps[0]!.reasons[0]!);
    expect(all).toContain("Coverage by external reference");
    expect(all).toContain("LLM06:2025 Excessive Agency");
    expect(all).toContain("AML.M0029");
    expect(all).toContain("Audit summary");
    expect(all).toContain("system.create");
    expect(all).toContain("AI Security Shared Responsibility Model by Mike Privette (MIT)");
    expect(all).not.toContain("Pdfbravo");
  });

  it("renders from the command line too, where react-server is a resolution condition", async () => {
    const out = path.join(dir, "cli.pdf");
    const root = path.resolve(__dirname, "../..");
    const { stdout } = await run(
      path.join(root, "node_modules/.bin/tsx"),
      [
        "scripts/launch.ts",
        "exec",
        "--",
        "node_modules/.bin/tsx",
        "--conditions=react-server",
        "scripts/report.ts",
        "--workspace",
        a.workspace.slug,
        "--out",
        out,
      ],
      { cwd: root, env: process.env },
    );
    expect(stdout).toMatch(/^Wrote .*cli\.pdf \(\d+ bytes\)\.$/m);
    const text = await pdftotext(out);
    expect(text).toContain("Standards at a glance");
    expect(text).toContain("Generated");
    expect(text).toContain("by Command line");
  }, 90_000);
});

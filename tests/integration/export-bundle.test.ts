import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Manifest } from "@/lib/export-bundle/manifest";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { createComment } from "@/lib/server/comments/create-comment";
import { deleteComment } from "@/lib/server/comments/delete-comment";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { startExport } from "@/lib/server/exports/start-export";
import { startJobQueue } from "@/lib/server/jobs/job-queue";
import { createPlan } from "@/lib/server/plans/create-plan";
import { exportScopeSchema } from "@/lib/validation/exports";
import { createPlanSchema } from "@/lib/validation/plans";
import { exportEnded } from "@/tests/support/job-queue";

import { rewriteZip } from "../unit/export-test-zip";
import { bundleFile, createExportWorld, type ExportWorld, FORMULA_TITLE } from "./export-fixtures";

const run = promisify(execFile);
let world: ExportWorld;
let dir: string;
let bundle: string;

async function exportNow(scope: Parameters<typeof exportScopeSchema.parse>[0]) {
  const job = await startExport({
    workspaceId: world.workspace.id,
    role: "AUDITOR",
    actor: { type: "USER", id: world.auditor.id, label: world.auditor.email },
    requestedById: world.auditor.id,
    scope: exportScopeSchema.parse(scope),
  });
  const done = await exportEnded(world.workspace.id, job.id);
  expect(done).toMatchObject({ status: "DONE", progress: 100, error: null });
  return bundleFile(done, dir);
}

async function unpack(zip: string, name: string) {
  const target = path.join(dir, name);
  await run("unzip", ["-q", zip, "-d", target]);
  return target;
}

async function verifyCli(zip: string) {
  try {
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/export-verify.ts", zip]);
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  await startJobQueue({ work: true, kinds: [exportBundleJob] });
  world = await createExportWorld("bundle");
  dir = await mkdtemp(path.join(os.tmpdir(), "export-bundle-"));
  const actor = { type: "USER" as const, id: world.user.id, label: world.user.email };
  const plan = await createPlan({
    workspaceId: world.workspace.id,
    actor,
    userId: world.user.id,
    input: createPlanSchema.parse({
      title: "Bundle plan <b>",
      dutyIds: [world.customerDuty.id],
      dueDate: "2020-02-02",
    }),
  });
  await createComment({
    workspaceId: world.workspace.id,
    actor,
    authorId: world.user.id,
    input: { dutyId: world.customerDuty.id, body: "Kept comment on the duty" },
  });
  await createComment({
    workspaceId: world.workspace.id,
    actor,
    authorId: world.user.id,
    input: { planId: plan.id, body: "Plan kick-off" },
  });
  const gone = await createComment({
    workspaceId: world.workspace.id,
    actor,
    authorId: world.user.id,
    input: { planId: plan.id, body: "Withdrawn remark" },
  });
  await deleteComment({
    workspaceId: world.workspace.id,
    actor,
    userId: world.user.id,
    role: "OWNER",
    commentId: gone.id,
  });
  bundle = await exportNow({});
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a whole-workspace bundle", () => {
  it("unpacks with the system unzip and passes sha256sum -c", async () => {
    const target = await unpack(bundle, "whole");
    const { stdout } = await run("sha256sum", ["-c", "checksums.sha256"], { cwd: target });
    const lines = stdout.trim().split("\n");
    expect(lines.every((line) => line.endsWith(": OK"))).toBe(true);
    expect(lines.some((line) => line.startsWith("manifest.json:"))).toBe(true);
    expect(lines.filter((line) => line.startsWith("evidence/"))).toHaveLength(4);
  });

  it("has a manifest listing every other file with its bytes and hash", async () => {
    const target = path.join(dir, "whole");
    const manifest = JSON.parse(
      await readFile(path.join(target, "manifest.json"), "utf8"),
    ) as Manifest;
    expect(manifest).toMatchObject({
      format: "ai-srm-evidence-bundle",
      formatVersion: 1,
      workspace: { id: world.workspace.id, slug: world.workspace.slug },
      generatedBy: world.auditor.email,
      counts: { systems: 1, evidence: 4, evidenceFiles: 4, parts: 3 },
      evidenceIssues: [],
    });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "systems.csv",
        "responsibilities.csv",
        "evidence.csv",
        "gaps.csv",
        "approvals.csv",
        "plans.csv",
        "comments.csv",
        "audit-log.jsonl",
        "report.html",
      ]),
    );
    expect(paths).not.toContain("manifest.json");
    expect(paths).not.toContain("checksums.sha256");
    // Two files called report.pdf on one system get distinct, readable paths.
    const reports = paths.filter((p) => p.endsWith("-report.pdf"));
    expect(reports).toHaveLength(2);
    expect(new Set(reports).size).toBe(2);
    for (const p of paths.filter((x) => x.startsWith("evidence/")))
      expect(p).toMatch(/^evidence\/[a-z0-9-]+\/[a-z0-9]{8}(-\d+)?-[a-z0-9.-]+$/);
    expect(manifest.audit).toMatchObject({ firstSeq: 1, firstPrevHash: "0".repeat(64) });
    expect(manifest.audit.lastSeq).toBe(manifest.audit.headSeq);
  });

  it("neutralises formula-like cells in the CSV tables", async () => {
    const csv = await readFile(path.join(dir, "whole", "evidence.csv"), "utf8");
    expect(csv).toContain(`"'${FORMULA_TITLE.replace(/"/g, '""')}"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("carries the action plans and the comments, a deleted one without its text", async () => {
    const target = path.join(dir, "whole");
    const plans = await readFile(path.join(target, "plans.csv"), "utf8");
    expect(plans).toContain("Bundle plan <b>");
    expect(plans).toMatch(/,(OPEN,true,0|DONE,false,1),1,/);
    const comments = await readFile(path.join(target, "comments.csv"), "utf8");
    expect(comments).toContain("Kept comment on the duty");
    expect(comments).toContain("Plan kick-off");
    expect(comments).not.toContain("Withdrawn remark");
    expect(comments.trim().split("\n")).toHaveLength(4);
    const html = await readFile(path.join(target, "report.html"), "utf8");
    expect(html).toContain('<h2 id="plans">Action plans</h2>');
    expect(html).toContain("Bundle plan &#60;b&#62;");
  });

  it("writes a self-contained report", async () => {
    const html = await readFile(path.join(dir, "whole", "report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(world.evidence.policy.sha256 ?? "missing");
    expect(html).not.toContain(FORMULA_TITLE);
  });

  it("passes export:verify, which prints what it checked", async () => {
    expect((await verifyBundle(bundle)).problems).toEqual([]);
    const result = await verifyCli(bundle);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/files match their size and SHA-256/);
    expect(result.stdout).toMatch(/audit-log\.jsonl: \d+ events/);
    expect(result.stdout).toMatch(/^VERIFIED /m);
  });

  it("fails export:verify naming the evidence file after one byte changed", async () => {
    const copy = path.join(dir, "flipped.zip");
    let changed = "";
    await rewriteZip(bundle, copy, (files) => {
      changed = [...files.keys()].find((name) => name.startsWith("evidence/")) ?? "";
      const bytes = Buffer.from(files.get(changed) ?? Buffer.alloc(0));
      bytes[100] = (bytes[100] ?? 0) ^ 0xff;
      files.set(changed, bytes);
    });
    const result = await verifyCli(copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `FAILED .*: ${changed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: SHA-256 mismatch \\(manifest [0-9a-f]{64}, actual [0-9a-f]{64}\\)`,
      ),
    );
  });

  it("fails export:verify naming the audit line that was changed", async () => {
    const copy = path.join(dir, "audit.zip");
    await rewriteZip(bundle, copy, (files) => {
      const lines = (files.get("audit-log.jsonl")?.toString("utf8") ?? "").split("\n");
      lines[2] = (lines[2] ?? "").replace(/"actorLabel":"[^"]*"/, '"actorLabel":"someone else"');
      files.set("audit-log.jsonl", Buffer.from(lines.join("\n")));
    });
    const result = await verifyCli(copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /FAILED .*: audit-log\.jsonl line 3 \(seq 3\): hash does not match its contents/,
    );
  });
});

describe("scoped bundles", () => {
  it("narrows to domains and dates, leaves files out, and still verifies", async () => {
    const zip = await exportNow({
      domainKeys: ["access_control"],
      from: "2021-01-01",
      includeFiles: false,
    });
    expect((await verifyBundle(zip)).ok).toBe(true);
    const target = await unpack(zip, "scoped");
    await run("sha256sum", ["-c", "--quiet", "checksums.sha256"], { cwd: target });
    const manifest = JSON.parse(
      await readFile(path.join(target, "manifest.json"), "utf8"),
    ) as Manifest;
    expect(manifest.scope).toEqual({
      domainKeys: ["access_control"],
      from: "2021-01-01",
      includeFiles: false,
    });
    // access_control has the customer and the provider part; the 2020 pen test is outside the dates.
    expect(manifest.counts).toMatchObject({
      responsibilities: 1,
      parts: 2,
      evidence: 2,
      evidenceFiles: 0,
    });
    expect(manifest.files.some((f) => f.path.startsWith("evidence/"))).toBe(false);
    const evidenceCsv = await readFile(path.join(target, "evidence.csv"), "utf8");
    expect(evidenceCsv).toContain("Access policy");
    expect(evidenceCsv).not.toContain("Old pen test");
  });

  it("refuses a system id of another workspace as unknown", async () => {
    const other = await createExportWorld("bundle-other");
    await expect(exportNow({ systemIds: [other.system.id] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { systemIds: [expect.any(String)] },
    });
  });
});

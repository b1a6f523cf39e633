import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toAuditLine } from "@/lib/export-bundle/audit-log";
import {
  AUDIT_LOG_PATH,
  buildChecksums,
  BUNDLE_FORMAT,
  CHECKSUMS_PATH,
  type Manifest,
  MANIFEST_PATH,
  type ManifestFile,
  serialiseManifest,
} from "@/lib/export-bundle/manifest";
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { createBundleZipWriter } from "@/lib/export-bundle/zip-writer";
import { GENESIS_HASH, hashAuditEvent } from "@/lib/server/audit/canonical-event";

import { rewriteZip } from "./export-test-zip";

let dir: string;
let bundle: string;

function auditEvents(count: number) {
  const events = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const fields = {
      workspaceId: "ws1",
      seq,
      actorType: "USER",
      actorId: "u1",
      actorLabel: "ada@example.com",
      action: "system.update",
      entityType: "AiSystem",
      entityId: `s${seq}`,
      diff: { name: { to: `Name ${seq}` }, n: seq },
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)),
      prevHash,
    };
    const hash = hashAuditEvent(fields);
    events.push({ ...fields, hash });
    prevHash = hash;
  }
  return events;
}

async function makeBundle(file: string) {
  const zip = createBundleZipWriter({ filePath: file, mtime: new Date("2026-01-01T00:00:00Z") });
  const files: ManifestFile[] = [];
  files.push(
    await zip.add("evidence/bot/abc-report.pdf", [
      Buffer.from("%PDF-1.7 pretend").toString("latin1"),
    ]),
  );
  files.push(await zip.add("systems.csv", ["\uFEFFid,name\r\ns1,Bot\r\n"]));
  const events = auditEvents(9);
  files.push(await zip.add(AUDIT_LOG_PATH, events.map(toAuditLine)));
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: 1,
    workspace: { id: "ws1", slug: "demo", name: "Demo" },
    scope: { includeFiles: true },
    generatedAt: "2026-01-02T00:00:00.000Z",
    generatedBy: "test",
    frameworkVersions: [],
    counts: {
      systems: 1,
      responsibilities: 0,
      parts: 0,
      evidence: 1,
      evidenceFiles: 1,
      gaps: 0,
      auditEvents: 9,
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
      events: 9,
      firstSeq: 1,
      lastSeq: 9,
      firstPrevHash: GENESIS_HASH,
      lastHash: events[8]?.hash ?? null,
      headSeq: 9,
      headHash: events[8]?.hash ?? null,
    },
    evidenceIssues: [],
    files,
  };
  const manifestFile = await zip.add(MANIFEST_PATH, [serialiseManifest(manifest)]);
  await zip.add(CHECKSUMS_PATH, [buildChecksums([...files, manifestFile])]);
  await zip.finish();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "export-verify-"));
  bundle = path.join(dir, "bundle.zip");
  await makeBundle(bundle);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tampered(name: string, change: (files: Map<string, Buffer>) => void) {
  const file = path.join(dir, name);
  await rewriteZip(bundle, file, change);
  return verifyBundle(file);
}

describe("export:verify", () => {
  it("passes an untouched bundle and says what it checked", async () => {
    const result = await verifyBundle(bundle);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.join("\n")).toMatch(/3 of 3 listed files match/);
    expect(result.checks.join("\n")).toMatch(/checksums\.sha256: 4 entries match/);
    expect(result.checks.join("\n")).toMatch(/audit-log\.jsonl: 9 events, seq 1–9/);
  });

  it("names an evidence file whose bytes changed", async () => {
    const result = await tampered("altered.zip", (files) => {
      const bytes = Buffer.from(files.get("evidence/bot/abc-report.pdf") ?? Buffer.alloc(0));
      bytes[3] = (bytes[3] ?? 0) ^ 0x01;
      files.set("evidence/bot/abc-report.pdf", bytes);
    });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(
      /^evidence\/bot\/abc-report\.pdf: SHA-256 mismatch \(manifest [0-9a-f]{64}, actual [0-9a-f]{64}\)$/,
    );
  });

  it("names a file that was added", async () => {
    const result = await tampered("added.zip", (files) =>
      files.set("extra.txt", Buffer.from("hi")),
    );
    expect(result.problems[0]).toBe("unexpected file extra.txt not in manifest");
  });

  it("names a file that was removed", async () => {
    const result = await tampered("removed.zip", (files) => files.delete("systems.csv"));
    expect(result.problems[0]).toBe(
      "systems.csv: listed in the manifest but missing from the bundle",
    );
  });

  it("names the audit line whose content was changed", async () => {
    const result = await tampered("audit.zip", (files) => {
      const lines = (files.get(AUDIT_LOG_PATH)?.toString("utf8") ?? "").split("\n");
      lines[6] = (lines[6] ?? "").replace("ada@example.com", "mallory@example.com");
      files.set(AUDIT_LOG_PATH, Buffer.from(lines.join("\n")));
    });
    expect(result.problems[0]).toBe(
      "audit-log.jsonl line 7 (seq 7): hash does not match its contents",
    );
  });

  it("names where the audit chain breaks when a line was removed", async () => {
    const result = await tampered("audit-gap.zip", (files) => {
      const lines = (files.get(AUDIT_LOG_PATH)?.toString("utf8") ?? "").split("\n");
      lines.splice(3, 1);
      files.set(AUDIT_LOG_PATH, Buffer.from(lines.join("\n")));
    });
    expect(result.problems[0]).toBe("audit-log.jsonl line 4 (seq 5): expected seq 4");
  });

  it("catches a checksums file that disagrees", async () => {
    const result = await tampered("checksums.zip", (files) => {
      const text = files.get(CHECKSUMS_PATH)?.toString("utf8") ?? "";
      files.set(CHECKSUMS_PATH, Buffer.from(text.split("\n").slice(1).join("\n")));
    });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/^checksums\.sha256: does not list /);
  });

  it("refuses something that is not a ZIP", async () => {
    const result = await verifyBundle(path.join(dir, "missing.zip"));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/not a readable ZIP/);
  });
});

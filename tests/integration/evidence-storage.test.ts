import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { promisify } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { deleteEvidenceFileJob } from "@/lib/server/evidence/delete-evidence-file-job";
import { openEvidenceDownload } from "@/lib/server/evidence/open-evidence-download";
import { purgeEvidence } from "@/lib/server/evidence/purge-evidence";
import { FileTooLargeError } from "@/lib/server/evidence/store-evidence-file";
import { uploadFileEvidence } from "@/lib/server/evidence/upload-file-evidence";
import { startJobQueue } from "@/lib/server/jobs/job-queue";
import { evidenceStorage } from "@/lib/storage/evidence-storage";

import {
  createEvidenceWorld,
  evidenceRowCount,
  type EvidenceWorld,
  interruptedStream,
  objectPath,
  pdfBytes,
  sha256,
  storedFiles,
  streamOf,
} from "../support/evidence-fixtures";
import { waitFor } from "../support/job-queue";

const run = promisify(execFile);
let world: EvidenceWorld;

beforeAll(async () => {
  world = await createEvidenceWorld("store");
});

function upload(bytes: Buffer, fileName: string, maxBytes?: number) {
  return uploadFileEvidence({
    workspaceId: world.workspace.id,
    actor: world.actor,
    fields: { kind: "FILE", title: fileName },
    file: { source: streamOf(bytes), fileName },
    maxBytes,
  });
}

async function storageKeyOf(evidenceId: string): Promise<string> {
  const row = await db.evidence.findFirstOrThrow({
    where: { id: evidenceId, workspaceId: world.workspace.id },
  });
  return row.storageKey!;
}

/** Runs `attempt`, expects it to fail, and checks that no row and no file (temp files included) appeared. */
async function expectNothingLeftBehind(attempt: () => Promise<unknown>) {
  const filesBefore = await storedFiles();
  const rowsBefore = await evidenceRowCount(world.workspace.id);
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  expect(await storedFiles()).toEqual(filesBefore);
  expect(await evidenceRowCount(world.workspace.id)).toBe(rowsBefore);
  return error as Error;
}

describe("upload", () => {
  it("stores the file with a SHA-256 equal to sha256sum of the stored file", async () => {
    const bytes = pdfBytes(300_000);
    const item = await upload(bytes, "policy.pdf");
    expect(item.file).toMatchObject({
      name: "policy.pdf",
      contentType: "application/pdf",
      sizeBytes: bytes.length,
    });
    const { stdout } = await run("sha256sum", [objectPath(await storageKeyOf(item.id))]);
    expect(stdout.split(/\s+/)[0]).toBe(item.file!.sha256);
    expect(item.file!.sha256).toBe(sha256(bytes));
    expect(item.state).toBe("current");
    const events = await db.auditEvent.findMany({
      where: { workspaceId: world.workspace.id, entityId: item.id },
    });
    expect(events.map((e) => e.action)).toEqual(["evidence.create"]);
  });

  it("refuses an oversize upload with a message naming the limit and keeps nothing", async () => {
    const error = await expectNothingLeftBehind(() =>
      upload(pdfBytes(300_000), "big.pdf", 200_000),
    );
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).status).toBe(413);
    expect(error.message).toMatch(/larger than the limit of 195 KB/);
  });

  it("refuses HTML named .pdf, naming the detected markup, and keeps nothing", async () => {
    const html = Buffer.from(
      "\uFEFF  <!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
    );
    const error = await expectNothingLeftBehind(() => upload(html, "report.pdf"));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/looks like HTML, SVG or XML markup/);
    expect((error as ValidationError).fieldErrors.file).toBeDefined();
  });

  it("refuses a PNG named .pdf and an SVG named .png", async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100),
    ]);
    const mismatch = await expectNothingLeftBehind(() => upload(png, "scan.pdf"));
    expect(mismatch.message).toMatch(/named \.pdf .* but its content is a PNG image/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>');
    const markup = await expectNothingLeftBehind(() => upload(svg, "logo.png"));
    expect(markup.message).toMatch(/<svg/);
  });

  it("refuses text that turns into binary after the sniffed head, and keeps nothing", async () => {
    const bytes = Buffer.concat([
      Buffer.alloc(100_000, "a"),
      Buffer.from([0]),
      Buffer.alloc(10, "b"),
    ]);
    const error = await expectNothingLeftBehind(() => upload(bytes, "notes.txt"));
    expect(error.message).toMatch(/NUL bytes/);
  });

  it("leaves nothing behind when the upload is interrupted", async () => {
    await expectNothingLeftBehind(() =>
      uploadFileEvidence({
        workspaceId: world.workspace.id,
        actor: world.actor,
        fields: { kind: "FILE", title: "cut" },
        file: { source: interruptedStream(pdfBytes(100_000)), fileName: "cut.pdf" },
      }),
    );
  });

  it("removes the stored file again when the row cannot be written (foreign part)", async () => {
    const other = await createEvidenceWorld("store-other");
    const error = await expectNothingLeftBehind(() =>
      uploadFileEvidence({
        workspaceId: world.workspace.id,
        actor: world.actor,
        fields: { kind: "FILE", title: "x", dutyIds: [other.customerDuty.id] },
        file: { source: streamOf(pdfBytes()), fileName: "x.pdf" },
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe("download", () => {
  it("streams the exact bytes when the stored file is intact", async () => {
    const content = "control,owner\nsso,alice\n";
    const item = await upload(Buffer.from(content), "controls.csv");
    expect(item.file!.contentType).toBe("text/csv; charset=utf-8");
    const download = await openEvidenceDownload({
      workspaceId: world.workspace.id,
      evidenceId: item.id,
    });
    expect(await text(download.stream)).toBe(content);
  });

  it("fails the stream instead of delivering a tampered file", async () => {
    const bytes = pdfBytes(200_000);
    const item = await upload(bytes, "tampered.pdf");
    const tampered = Buffer.from(bytes);
    tampered[150_000] = 0x42;
    await writeFile(objectPath(await storageKeyOf(item.id)), tampered);
    const download = await openEvidenceDownload({
      workspaceId: world.workspace.id,
      evidenceId: item.id,
    });
    const received: Buffer[] = [];
    const outcome = await new Promise<Error | null>((resolve) => {
      download.stream.on("data", (chunk: Buffer) => received.push(chunk));
      download.stream.on("error", resolve);
      download.stream.on("end", () => resolve(null));
    });
    expect(outcome?.message).toMatch(/does not match its recorded SHA-256/);
    // The last chunk is held back, so the client never holds the complete (wrong) file.
    expect(Buffer.concat(received).length).toBeLessThan(bytes.length);
  });
});

describe("delete and purge", () => {
  it("soft delete keeps the file; purge marks the row and its job removes the file", async () => {
    await startJobQueue({ work: true, kinds: [deleteEvidenceFileJob] });
    const item = await upload(pdfBytes(), "old.pdf");
    const key = await storageKeyOf(item.id);
    await expect(
      purgeEvidence({ workspaceId: world.workspace.id, actor: world.actor, evidenceId: item.id }),
    ).rejects.toThrow(/Only deleted evidence can be purged/);
    await deleteEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      evidenceId: item.id,
    });
    expect(await evidenceStorage().exists(key)).toBe(true);
    await expect(
      openEvidenceDownload({ workspaceId: world.workspace.id, evidenceId: item.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await purgeEvidence({
      workspaceId: world.workspace.id,
      actor: world.actor,
      evidenceId: item.id,
    });
    const row = await waitFor(
      () =>
        db.evidence.findFirst({
          where: { id: item.id, workspaceId: world.workspace.id, storageKey: null },
        }),
      { what: "the deletion job" },
    );
    expect(await evidenceStorage().exists(key)).toBe(false);
    expect(row.purgedAt).not.toBeNull();
    expect(row.sha256).toBe(item.file!.sha256);
    const actions = await db.auditEvent.findMany({
      where: { workspaceId: world.workspace.id, entityId: item.id },
      orderBy: { seq: "asc" },
    });
    expect(actions.map((e) => e.action)).toEqual([
      "evidence.create",
      "evidence.delete",
      "evidence.purge",
    ]);
  });
});

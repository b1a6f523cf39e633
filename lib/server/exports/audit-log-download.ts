import "server-only";

import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import type { AuditEventRow } from "@/lib/export-bundle/audit-log";
import { toAuditLine } from "@/lib/export-bundle/audit-log";
import { csvLines } from "@/lib/export-bundle/csv";
import { auditEvents } from "@/lib/server/exports/collect-audit";

// The audit log alone, for the audit page's download links: every event of the workspace up to
// its current head, streamed from the database in batches. JSONL keeps the hash chain verifiable
// (same lines as audit-log.jsonl in a bundle); CSV is for reading in a spreadsheet.

const csvColumns: { header: string; value: (e: AuditEventRow) => string | number | null }[] = [
  { header: "seq", value: (e) => e.seq },
  { header: "time", value: (e) => e.createdAt.toISOString() },
  { header: "actor_type", value: (e) => e.actorType },
  { header: "actor", value: (e) => e.actorLabel },
  { header: "actor_id", value: (e) => e.actorId },
  { header: "action", value: (e) => e.action },
  { header: "entity_type", value: (e) => e.entityType },
  { header: "entity_id", value: (e) => e.entityId },
  { header: "changes", value: (e) => JSON.stringify(e.diff) },
  { header: "prev_hash", value: (e) => e.prevHash },
  { header: "hash", value: (e) => e.hash },
];

export async function auditLogDownload({
  workspaceId,
  slug,
  format,
}: {
  workspaceId: string;
  slug: string;
  format: "jsonl" | "csv";
}) {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { auditHeadSeq: true },
  });
  const range =
    workspace.auditHeadSeq > 0 ? { firstSeq: 1, lastSeq: workspace.auditHeadSeq } : null;
  const events = auditEvents({ workspaceId, range });
  async function* body() {
    if (format === "jsonl") {
      for await (const event of events) yield toAuditLine(event);
      return;
    }
    // csvLines wants a sync iterable; batch the async rows through it one at a time.
    let header = true;
    for await (const event of events) {
      const lines = [...csvLines(csvColumns, [event])];
      yield header ? lines.join("") : (lines[1] ?? "");
      header = false;
    }
    if (header) yield [...csvLines(csvColumns, [])].join("");
  }
  const stamp = new Date().toISOString().slice(0, 10);
  async function* bytes() {
    for await (const text of body()) yield Buffer.from(text, "utf8");
  }
  return new Response(Readable.toWeb(Readable.from(bytes())) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type":
        format === "jsonl" ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${slug.replace(/[^a-z0-9-]/gi, "")}-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

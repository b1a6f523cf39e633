import "server-only";

import { db } from "@/lib/db/client";
import type { AuditEventRow } from "@/lib/export-bundle/audit-log";
import type { ManifestAudit } from "@/lib/export-bundle/manifest";

// The audit events of an export. A date range selects the seq range of the events in it, and
// every event between the first and the last is exported: the chain of a range stays contiguous
// and verifiable (times follow seq, since events are numbered under a lock). Events are read in
// batches, so a long log never sits in memory whole. Only events up to the head recorded when
// the export started are included, so the manifest describes exactly what the file holds.

const BATCH = 1000;

export type AuditRange = { firstSeq: number; lastSeq: number } | null;

export async function findAuditRange(args: {
  workspaceId: string;
  headSeq: number;
  from?: Date;
  to?: Date;
}): Promise<AuditRange> {
  if (args.headSeq === 0) return null;
  if (!args.from && !args.to) return { firstSeq: 1, lastSeq: args.headSeq };
  const where = {
    workspaceId: args.workspaceId,
    seq: { lte: args.headSeq },
    createdAt: { gte: args.from, lte: args.to },
  };
  const bounds = await db.auditEvent.aggregate({ where, _min: { seq: true }, _max: { seq: true } });
  const firstSeq = bounds._min.seq;
  const lastSeq = bounds._max.seq;
  return firstSeq === null || lastSeq === null ? null : { firstSeq, lastSeq };
}

export async function* auditEvents(args: {
  workspaceId: string;
  range: AuditRange;
}): AsyncGenerator<AuditEventRow> {
  if (!args.range) return;
  let next = args.range.firstSeq;
  while (next <= args.range.lastSeq) {
    const rows = await db.auditEvent.findMany({
      where: { workspaceId: args.workspaceId, seq: { gte: next, lte: args.range.lastSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return;
    for (const row of rows) yield row;
    next = (rows.at(-1)?.seq ?? next) + 1;
  }
}

/** The manifest's audit section, filled in as events are written. */
export function auditSummary(args: { headSeq: number; headHash: string | null }) {
  const result: ManifestAudit = {
    events: 0,
    firstSeq: null,
    lastSeq: null,
    firstPrevHash: null,
    lastHash: null,
    headSeq: args.headSeq,
    headHash: args.headHash,
  };
  return {
    result,
    add(event: AuditEventRow) {
      if (result.events === 0) {
        result.firstSeq = event.seq;
        result.firstPrevHash = event.prevHash;
      }
      result.events += 1;
      result.lastSeq = event.seq;
      result.lastHash = event.hash;
    },
  };
}

// audit-log.jsonl: one audit event per line, in seq order, with every field the chain hash covers,
// so anyone can recompute the chain offline, and the event's signature under the server's audit
// key (`mac`), which only a holder of that key can check. The hash and signature functions are
// the app's own (lib/server/audit/canonical-event.ts): one definition, no second copy to drift.
import {
  createSignatureTracker,
  hashAuditEvent,
  type SignatureSummary,
} from "@/lib/server/audit/canonical-event";

export type AuditLine = {
  seq: number;
  workspaceId: string;
  createdAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  diff: unknown;
  prevHash: string;
  hash: string;
  /** Absent in bundles made before keyed audit, null on events recorded before it. */
  mac?: string | null;
};

export type AuditEventRow = Omit<AuditLine, "createdAt"> & { createdAt: Date };

export function toAuditLine(event: AuditEventRow): string {
  const line: AuditLine = {
    seq: event.seq,
    workspaceId: event.workspaceId,
    createdAt: event.createdAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    diff: event.diff,
    prevHash: event.prevHash,
    hash: event.hash,
    mac: event.mac ?? null,
  };
  return `${JSON.stringify(line)}\n`;
}

/**
 * Checks the chain line by line (feed lines in file order, then call `finish`). Stops at the
 * first problem, which names the line and the seq, e.g. "line 7 (seq 7): hash does not match
 * its contents". With the audit key every signature is checked too; without it they are counted.
 */
export function createAuditChainChecker(expected: {
  firstPrevHash: string | null;
  auditKey?: Uint8Array | null;
}) {
  const signatures = createSignatureTracker(expected.auditKey ?? null);
  let lineNumber = 0;
  let previous: { seq: number; hash: string } | null = null;
  let first: AuditLine | null = null;
  let problem: string | null = null;

  function fail(message: string, seq?: number) {
    problem ??= `line ${lineNumber}${seq === undefined ? "" : ` (seq ${seq})`}: ${message}`;
  }

  return {
    push(text: string) {
      if (problem) return;
      lineNumber += 1;
      let line: AuditLine;
      try {
        line = JSON.parse(text) as AuditLine;
      } catch {
        return fail("is not valid JSON");
      }
      if (
        typeof line?.seq !== "number" ||
        typeof line.hash !== "string" ||
        typeof line.prevHash !== "string"
      ) {
        return fail("lacks seq, prevHash or hash");
      }
      const createdAt = new Date(line.createdAt);
      if (Number.isNaN(createdAt.getTime())) return fail("has no valid createdAt", line.seq);
      if (previous) {
        if (line.seq !== previous.seq + 1)
          return fail(`expected seq ${previous.seq + 1}`, line.seq);
        if (line.prevHash !== previous.hash)
          return fail("does not link to the previous event", line.seq);
      } else if (expected.firstPrevHash !== null && line.prevHash !== expected.firstPrevHash) {
        return fail("does not start where the manifest says the exported range starts", line.seq);
      }
      const recomputed = hashAuditEvent({
        workspaceId: line.workspaceId,
        seq: line.seq,
        actorType: line.actorType,
        actorId: line.actorId,
        actorLabel: line.actorLabel,
        action: line.action,
        entityType: line.entityType,
        entityId: line.entityId,
        diff: line.diff,
        createdAt,
        prevHash: line.prevHash,
      });
      if (recomputed !== line.hash) return fail("hash does not match its contents", line.seq);
      const signatureProblem = signatures.push(line);
      if (signatureProblem) return fail(signatureProblem, line.seq);
      first ??= line;
      previous = { seq: line.seq, hash: line.hash };
    },
    finish() {
      return {
        problem,
        events: lineNumber,
        firstSeq: first?.seq ?? null,
        lastSeq: previous?.seq ?? null,
        lastHash: previous?.hash ?? null,
        signatures: signatures.finish() as SignatureSummary,
      };
    },
  };
}

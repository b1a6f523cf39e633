import "server-only";

import { db } from "@/lib/db/client";
import { auditKey } from "@/lib/server/audit/audit-key";
import {
  createSignatureTracker,
  GENESIS_HASH,
  hashAuditEvent,
  type SignatureSummary,
} from "@/lib/server/audit/canonical-event";

export type AuditChainVerification =
  | { ok: true; events: number; signatures: SignatureSummary }
  | { ok: false; events: number; brokenSeq: number; reason: string };

const BATCH = 500;

/**
 * Recomputes a workspace's chain from its first event: seq must run 1, 2, 3… without gaps, each
 * prevHash must equal the previous hash, each hash must match the stored fields, each signature
 * must be this server's over that hash (events older than keyed audit have none; no unsigned
 * event may follow a signed one), and the last event must be the head recorded on the workspace
 * (so removing the newest events is caught too).
 */
export async function verifyAuditChain(workspaceId: string): Promise<AuditChainVerification> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { auditHeadSeq: true, auditHeadHash: true },
  });
  if (!workspace) return { ok: false, events: 0, brokenSeq: 0, reason: "workspace not found" };

  const signatures = createSignatureTracker(auditKey());
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const events = await db.auditEvent.findMany({
      where: { workspaceId, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const event of events) {
      count += 1;
      const broken = (brokenSeq: number, reason: string) =>
        ({ ok: false, events: count, brokenSeq, reason }) as const;
      if (event.seq !== expectedSeq) return broken(expectedSeq, `event ${expectedSeq} is missing`);
      if (event.prevHash !== prevHash)
        return broken(event.seq, "does not link to the previous event");
      const recomputed = hashAuditEvent({
        workspaceId: event.workspaceId,
        seq: event.seq,
        actorType: event.actorType,
        actorId: event.actorId,
        actorLabel: event.actorLabel,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        diff: event.diff,
        createdAt: event.createdAt,
        prevHash: event.prevHash,
      });
      if (recomputed !== event.hash) return broken(event.seq, "content does not match its hash");
      const signatureProblem = signatures.push(event);
      if (signatureProblem) return broken(event.seq, signatureProblem);
      prevHash = event.hash;
      expectedSeq += 1;
    }
    if (events.length < BATCH) break;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq !== workspace.auditHeadSeq || (lastSeq > 0 && prevHash !== workspace.auditHeadHash)) {
    const brokenSeq =
      lastSeq < workspace.auditHeadSeq
        ? lastSeq + 1
        : lastSeq > workspace.auditHeadSeq
          ? workspace.auditHeadSeq + 1
          : lastSeq;
    return {
      ok: false,
      events: count,
      brokenSeq,
      reason: `the chain ends at ${lastSeq} but the workspace records ${workspace.auditHeadSeq} events`,
    };
  }
  return { ok: true, events: count, signatures: signatures.finish() };
}

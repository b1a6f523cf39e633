import "server-only";

import { db } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import type { ReportAudit } from "@/lib/view/report/report-data";

const RECENT_DAYS = 90;
const TOP_ACTIONS = 8;

/**
 * The report's audit summary: the chain recomputed from its first event (so the report says
 * whether the log is intact), the head, and what happened in the last 90 days by action.
 */
export async function collectReportAudit(input: {
  workspaceId: string;
  now: Date;
}): Promise<ReportAudit> {
  const since = new Date(input.now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const [chain, workspace, recent, last] = await Promise.all([
    verifyAuditChain(input.workspaceId),
    db.workspace.findUniqueOrThrow({
      where: { id: input.workspaceId },
      select: { auditHeadSeq: true, auditHeadHash: true },
    }),
    db.auditEvent.groupBy({
      by: ["action"],
      where: { workspaceId: input.workspaceId, createdAt: { gte: since, lte: input.now } },
      _count: { _all: true },
    }),
    db.auditEvent.findFirst({
      where: { workspaceId: input.workspaceId },
      orderBy: { seq: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const byAction = recent
    .map((row) => ({ action: row.action, count: row._count._all }))
    .sort((a, b) => b.count - a.count || a.action.localeCompare(b.action));
  return {
    events: chain.events,
    chainIntact: chain.ok,
    problem: chain.ok ? null : `event ${chain.brokenSeq}: ${chain.reason}`,
    headSeq: workspace.auditHeadSeq,
    headHash: workspace.auditHeadHash,
    recentDays: RECENT_DAYS,
    recentEvents: byAction.reduce((n, row) => n + row.count, 0),
    recentByAction: byAction.slice(0, TOP_ACTIONS),
    lastEventAt: last ? last.createdAt.toISOString() : null,
  };
}

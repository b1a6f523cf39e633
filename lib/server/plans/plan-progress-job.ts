import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { daysUntilDue, isPastDue } from "@/lib/domain/overdue";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import {
  type NotificationInput,
  recordNotifications,
} from "@/lib/server/notifications/record-notifications";
import { workspaceSlug } from "@/lib/server/plans/plan-duties";
import { plansWithProgressSql } from "@/lib/server/plans/plan-progress-sql";
import { planHref } from "@/lib/view/plans/links";

/** A plan falls "due soon" this many days before its due day. */
export const PLAN_DUE_SOON_DAYS = 7;

export const AUTO_DONE_NOTE = "Every duty of the plan is covered.";

type OpenPlan = {
  id: string;
  title: string;
  ownerId: string | null;
  dueDate: Date | null;
  status: string;
  effectiveStatus: string;
  covered: number;
  total: number;
};

/**
 * One workspace's pass, in one transaction holding its lock: open plans whose parts are all
 * covered become DONE (conditional on still being open, so a second pass or a second process
 * changes nothing) and their owners are told; owners of plans due within a week or overdue are
 * reminded, once per plan and due day (the dedupe keys), however often this runs.
 */
export async function runPlanProgressForWorkspace(input: {
  workspaceId: string;
  now: Date;
}): Promise<{ closed: number; reminded: number }> {
  const { workspaceId, now } = input;
  return workspaceTransaction(workspaceId, "planProgress", async (tx) => {
    const plans = await tx.$queryRaw<OpenPlan[]>`
      SELECT q.id, q.title, q."ownerId", q."dueDate", q.status, q."effectiveStatus", q.covered,
        q.total
      FROM (${plansWithProgressSql({ workspaceId, now })}) q
      WHERE q.status IN ('OPEN', 'IN_PROGRESS')`;
    if (plans.length === 0) return { closed: 0, reminded: 0 };
    const slug = await workspaceSlug(tx, workspaceId);
    const notes: NotificationInput[] = [];
    let closed = 0;
    for (const plan of plans) {
      const link = planHref({ slug, planId: plan.id });
      if (plan.effectiveStatus === "DONE") {
        const updated = await tx.actionPlan.updateMany({
          where: { id: plan.id, workspaceId, status: { in: ["OPEN", "IN_PROGRESS"] } },
          data: {
            status: "DONE",
            closedAt: now,
            closedById: null,
            closingNote: AUTO_DONE_NOTE,
            version: { increment: 1 },
          },
        });
        if (updated.count !== 1) continue;
        closed += 1;
        await recordAuditEvent(tx, {
          workspaceId,
          actor: SYSTEM_ACTOR,
          action: "plan.autoDone",
          entityType: "ActionPlan",
          entityId: plan.id,
          diff: {
            status: { from: plan.status, to: "DONE" },
            covered: plan.covered,
            total: plan.total,
          },
        });
        if (plan.ownerId)
          notes.push({
            userId: plan.ownerId,
            category: "ASSIGNMENT",
            event: "plan.done",
            dedupeKey: `plan.done:${plan.id}`,
            title: `Action plan done: ${plan.title}`,
            body: `All ${plan.total} duties are covered.`,
            link,
            entityType: "ActionPlan",
            entityId: plan.id,
          });
        continue;
      }
      if (!plan.ownerId || !plan.dueDate) continue;
      const day = plan.dueDate.toISOString().slice(0, 10);
      if (isPastDue(plan.dueDate, now))
        notes.push({
          userId: plan.ownerId,
          category: "DUE",
          event: "plan.overdue",
          dedupeKey: `plan.overdue:${plan.id}:${day}`,
          title: `Action plan overdue: ${plan.title}`,
          body: `It was due on ${day}; ${plan.covered} of ${plan.total} duties are covered.`,
          link,
          entityType: "ActionPlan",
          entityId: plan.id,
        });
      else if (daysUntilDue(plan.dueDate, now) <= PLAN_DUE_SOON_DAYS)
        notes.push({
          userId: plan.ownerId,
          category: "DUE",
          event: "plan.dueSoon",
          dedupeKey: `plan.due-soon:${plan.id}:${day}`,
          title: `Action plan due on ${day}: ${plan.title}`,
          body: `${plan.covered} of ${plan.total} duties are covered.`,
          link,
          entityType: "ActionPlan",
          entityId: plan.id,
        });
    }
    const reminded = await recordNotifications(tx, workspaceId, notes);
    return { closed, reminded };
  });
}

/** Every workspace with an open plan, each in its own transaction. */
export async function runPlanProgress(now = new Date()) {
  const workspaces = await db.actionPlan.findMany({
    where: {
      status: { in: ["OPEN", "IN_PROGRESS"] },
      workspace: { deletionRequestedAt: null },
    },
    distinct: ["workspaceId"],
    select: { workspaceId: true },
    orderBy: { workspaceId: "asc" },
  });
  let closed = 0;
  let reminded = 0;
  for (const { workspaceId } of workspaces) {
    const result = await runPlanProgressForWorkspace({ workspaceId, now });
    closed += result.closed;
    reminded += result.reminded;
  }
  return { workspaces: workspaces.length, closed, reminded };
}

/**
 * Every 5 minutes (UTC): stores DONE on plans whose parts are all covered, tells their owners,
 * and reminds owners of plans due within a week or overdue. Idempotent: conditional updates and
 * dedupe keys, so a retry or two processes give the same outcome as one run.
 */
export const planProgressJob = defineJobKind({
  name: "plans-progress",
  label: "Action plan progress and reminders",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 2, timeoutSeconds: 4 * 60 },
  schedule: { cron: () => "*/5 * * * *", payload: {} },
  handle: async (_payload, { log }) => {
    const result = await runPlanProgress();
    if (result.closed > 0 || result.reminded > 0) log.info(result, "plan progress");
  },
});

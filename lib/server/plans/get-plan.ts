import "server-only";

import { db } from "@/lib/db/client";
import { isPastDue } from "@/lib/domain/overdue";
import { NotFoundError } from "@/lib/errors";
import { dutyCoverageSql } from "@/lib/server/coverage/duty-coverage-sql";
import { loadCoverageLabels, nameOf } from "@/lib/server/dashboard/coverage-labels";
import { queryPlans, toPlanView } from "@/lib/server/plans/list-plans";
import type { PlanDutyView, PlanView } from "@/lib/view/plans/types";

/**
 * One plan with its parts, each with the coverage engine's verdict and reasons (the same
 * `dutyCoverageSql` the gap list reads). 404 for a plan of another workspace.
 */
export async function getPlan(input: {
  workspaceId: string;
  planId: string;
  now?: Date;
}): Promise<{ plan: PlanView; duties: PlanDutyView[] }> {
  const now = input.now ?? new Date();
  const { rows } = await queryPlans({
    workspaceId: input.workspaceId,
    now,
    planIds: [input.planId],
  });
  const row = rows[0];
  if (!row) throw new NotFoundError("Action plan not found.");
  const pc = dutyCoverageSql({ workspaceId: input.workspaceId, scope: {}, now });
  type DutyRow = Omit<PlanDutyView, "domainName" | "dueDate" | "overdue"> & {
    dueDate: Date | null;
  };
  const [duties, labels] = await Promise.all([
    db.$queryRaw<DutyRow[]>`
      SELECT d.id AS "dutyId", d."systemId", s.name AS "systemName", d."domainKey",
        d.side::text AS side, d.status::text AS status, d."dueDate", u.name AS "ownerName",
        pc.covered, COALESCE(pc.reasons, '{}') AS reasons
      FROM "ActionPlanDuty" apd
      JOIN "Duty" d ON d.id = apd."dutyId" AND d."workspaceId" = ${input.workspaceId}
      JOIN "AiSystem" s ON s.id = d."systemId" AND s."workspaceId" = ${input.workspaceId}
      LEFT JOIN (${pc}) pc ON pc."dutyId" = apd."dutyId"
      LEFT JOIN "Membership" m ON m."userId" = d."ownerId" AND m."workspaceId" = ${input.workspaceId}
      LEFT JOIN "User" u ON u.id = m."userId"
      WHERE apd."workspaceId" = ${input.workspaceId} AND apd."planId" = ${input.planId}
      ORDER BY s.name COLLATE "C", d."domainKey" COLLATE "C", d.side, d.id`,
    loadCoverageLabels(input.workspaceId),
  ]);
  return {
    plan: toPlanView(row),
    duties: duties.map((duty) => ({
      ...duty,
      domainName: nameOf(labels.domains, duty.domainKey),
      dueDate: duty.dueDate ? duty.dueDate.toISOString().slice(0, 10) : null,
      overdue: duty.covered !== true && isPastDue(duty.dueDate, now),
    })),
  };
}

/** The plans a duty part is in (its page shows them). */
export async function listPlansOfDuties(input: {
  workspaceId: string;
  dutyIds: readonly string[];
}): Promise<Map<string, { id: string; title: string; status: string }[]>> {
  const links = await db.actionPlanDuty.findMany({
    where: { workspaceId: input.workspaceId, dutyId: { in: [...input.dutyIds] } },
    select: { dutyId: true, plan: { select: { id: true, title: true, status: true } } },
    orderBy: { createdAt: "asc" },
  });
  const byDuty = new Map<string, { id: string; title: string; status: string }[]>();
  for (const link of links) {
    const list = byDuty.get(link.dutyId) ?? [];
    list.push(link.plan);
    byDuty.set(link.dutyId, list);
  }
  return byDuty;
}

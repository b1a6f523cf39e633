import "server-only";

import { toCsv } from "@/lib/csv/csv";
import { type PlanFilters, queryPlans } from "@/lib/server/plans/list-plans";
import { PLAN_STATUS_LABELS } from "@/lib/validation/plans";

export const PLANS_CSV_HEADER = [
  "plan_id",
  "title",
  "owner",
  "due_date",
  "status",
  "overdue",
  "covered_duties",
  "duties",
  "closed_at",
  "closing_note",
  "goal",
] as const;

/**
 * Every plan matching the filters, in the plans page's order, with its progress, as CSV. User
 * text goes through toCsv, which neutralises formula triggers.
 */
export async function exportPlansCsv(input: {
  workspaceId: string;
  filters?: PlanFilters;
  now?: Date;
}): Promise<string> {
  const { rows } = await queryPlans({ ...input, limit: 100_000 });
  return toCsv(
    [...PLANS_CSV_HEADER],
    rows.map((plan) => [
      plan.id,
      plan.title,
      plan.ownerName ?? "",
      plan.dueDate ? plan.dueDate.toISOString().slice(0, 10) : "",
      PLAN_STATUS_LABELS[plan.effectiveStatus],
      plan.overdue ? "yes" : "no",
      String(plan.covered),
      String(plan.total),
      plan.closedAt?.toISOString() ?? "",
      plan.closingNote ?? "",
      plan.goal ?? "",
    ]),
  );
}

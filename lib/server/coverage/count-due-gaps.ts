import "server-only";

import { db } from "@/lib/db/client";
import { startOfUtcDay } from "@/lib/domain/overdue";
import { dutyCoverageSql, sqlInstant } from "@/lib/server/coverage/duty-coverage-sql";

const DAY_MS = 86_400_000;

/**
 * Gaps by due date, for the overview: how many are overdue (due before today, UTC: the rule of
 * lib/domain/overdue.ts) and how many fall due from today through the next `days` days. A gap is
 * an uncovered duty of an active system, by the coverage engine's own definition.
 */
export async function countDueGaps(input: {
  workspaceId: string;
  now: Date;
  days: number;
}): Promise<{ overdue: number; dueSoon: number }> {
  const today = startOfUtcDay(input.now);
  const until = new Date(today.getTime() + (input.days + 1) * DAY_MS);
  const pc = dutyCoverageSql({ workspaceId: input.workspaceId, scope: {}, now: input.now });
  const [row] = await db.$queryRaw<{ overdue: number; dueSoon: number }[]>`
    WITH pc AS MATERIALIZED (${pc})
    SELECT
      count(*) FILTER (WHERE pc."dueDate" < ${sqlInstant(today)})::int AS overdue,
      count(*) FILTER (WHERE pc."dueDate" >= ${sqlInstant(today)}
        AND pc."dueDate" < ${sqlInstant(until)})::int AS "dueSoon"
    FROM pc
    WHERE NOT pc.covered`;
  return { overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}

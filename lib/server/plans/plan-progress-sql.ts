import "server-only";

import { startOfUtcDay } from "@/lib/domain/overdue";
import { Prisma } from "@/lib/generated/prisma/client";
import { dutyCoverageSql, sqlInstant } from "@/lib/server/coverage/duty-coverage-sql";

/**
 * A plan's progress is the coverage engine's own `covered` over the plan's parts: no second
 * definition. Parts of archived or retired systems are outside coverage (the engine yields no row
 * for them), so they count neither as covered nor as open: `total` is the parts the engine
 * evaluates, `linked` every part the plan names.
 *
 * The effective status: an OPEN or IN_PROGRESS plan whose parts (at least one) are all covered
 * reads as DONE at once; the job "plans-progress" then stores it (plan-progress-job.ts).
 */
export function planProgressSql(input: {
  workspaceId: string;
  now: Date;
  planIds?: readonly string[];
}): Prisma.Sql {
  const narrow = input.planIds
    ? Prisma.sql`AND apd."planId" = ANY(${[...input.planIds]}::text[])`
    : Prisma.empty;
  const pc = dutyCoverageSql({ workspaceId: input.workspaceId, scope: {}, now: input.now });
  return Prisma.sql`
    SELECT apd."planId", count(*)::int AS linked, count(pc."dutyId")::int AS total,
      (count(*) FILTER (WHERE pc.covered))::int AS covered
    FROM "ActionPlanDuty" apd
    LEFT JOIN (${pc}) pc ON pc."dutyId" = apd."dutyId"
    WHERE apd."workspaceId" = ${input.workspaceId} ${narrow}
    GROUP BY apd."planId"`;
}

/** The effective status of plan alias `ap` with progress alias `pr` (from `planProgressSql`). */
export const EFFECTIVE_STATUS_SQL = Prisma.sql`CASE
  WHEN ap.status IN ('OPEN', 'IN_PROGRESS') AND COALESCE(pr.total, 0) > 0
    AND pr.covered = pr.total THEN 'DONE'
  ELSE ap.status::text END`;

/** A due date (start of its UTC day) that has passed: before today's start (lib/domain/overdue.ts). */
export function overdueSql(column: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`COALESCE(${column} < ${sqlInstant(startOfUtcDay(now))}, false)`;
}

/**
 * One row per plan of the workspace with its progress and effective status (`ep`), for the
 * plans list, one plan, and the progress job. `planIds` narrows to some plans.
 */
export function plansWithProgressSql(input: {
  workspaceId: string;
  now: Date;
  planIds?: readonly string[];
}): Prisma.Sql {
  const narrow = input.planIds
    ? Prisma.sql`AND ap.id = ANY(${[...input.planIds]}::text[])`
    : Prisma.empty;
  return Prisma.sql`
    SELECT ap.id, ap."workspaceId", ap.title, ap.goal, ap."ownerId", ap."dueDate",
      ap.status::text AS status, ap."closingNote", ap."closedAt", ap."closedById",
      ap."createdById", ap.version, ap."createdAt", ap."updatedAt",
      COALESCE(pr.linked, 0) AS linked, COALESCE(pr.total, 0) AS total,
      COALESCE(pr.covered, 0) AS covered,
      ${EFFECTIVE_STATUS_SQL} AS "effectiveStatus"
    FROM "ActionPlan" ap
    LEFT JOIN (${planProgressSql(input)}) pr ON pr."planId" = ap.id
    WHERE ap."workspaceId" = ${input.workspaceId} ${narrow}`;
}

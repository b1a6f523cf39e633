import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { SUMMARY_COUNTS, SUMMARY_RATES } from "@/lib/server/coverage/coverage-summary-sql";
import { dutyCoverageSql } from "@/lib/server/coverage/duty-coverage-sql";

/** Snapshot days are UTC calendar days ("YYYY-MM-DD"), the same for every server and user. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Stores the workspace's coverage at `now` under its UTC day in one statement: the aggregate is the
 * engine's own (duty-coverage-sql.ts), so a snapshot always equals `getCoverage` at that instant.
 * `replace` true (default): a second call the same day refreshes that day's row; false keeps the
 * first one (what the scheduled job wants, snapshot-jobs.ts). Either way one row per workspace per
 * day, guaranteed by the unique (workspaceId, day) key even under concurrent calls.
 * Returns whether a row was written.
 */
export async function takeDailySnapshot(input: {
  workspaceId: string;
  now?: Date;
  replace?: boolean;
}): Promise<boolean> {
  const now = input.now ?? new Date();
  const pc = dutyCoverageSql({ workspaceId: input.workspaceId, scope: {}, now });
  const onConflict =
    input.replace === false
      ? Prisma.sql`DO NOTHING`
      : Prisma.sql`DO UPDATE SET "totalDuties" = EXCLUDED."totalDuties",
          "coveredDuties" = EXCLUDED."coveredDuties", "ownedRate" = EXCLUDED."ownedRate",
          "implementedRate" = EXCLUDED."implementedRate", "evidencedRate" = EXCLUDED."evidencedRate",
          "providerAssuredRate" = EXCLUDED."providerAssuredRate", "createdAt" = EXCLUDED."createdAt"`;
  const written = await db.$executeRaw`
    INSERT INTO "CoverageSnapshot" (id, "workspaceId", day, "totalDuties", "coveredDuties",
      "ownedRate", "implementedRate", "evidencedRate", "providerAssuredRate", "createdAt")
    SELECT gen_random_uuid()::text, w.id, ${utcDay(now)}::date, s."totalDuties", s."coveredDuties",
      s."ownedRate", s."implementedRate", s."evidencedRate", s."providerAssuredRate",
      ${now.toISOString()}::timestamp(3)
    FROM "Workspace" w
    CROSS JOIN (SELECT ${SUMMARY_RATES} FROM (SELECT ${SUMMARY_COUNTS} FROM (${pc}) pc) c) s
    WHERE w.id = ${input.workspaceId}
    ON CONFLICT ("workspaceId", day) ${onConflict}`;
  return written > 0;
}

import "server-only";

import { db } from "@/lib/db/client";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import { dutyCoverageSql, scopePredicate } from "@/lib/server/coverage/duty-coverage-sql";

/**
 * State of one duty (system × domain), from its parts' `covered`:
 * covered (every part covered), partly (some but not all: a Shared duty covered on one side only),
 * gap (no part covered), not_applicable (no parts: an NA cell that nobody opted in).
 */
export const HEATMAP_STATES = ["covered", "partly", "gap", "not_applicable"] as const;
export type HeatmapState = (typeof HEATMAP_STATES)[number];

export type HeatmapCell = {
  systemId: string;
  systemName: string;
  responsibilityId: string;
  domainKey: string;
  value: "P" | "C" | "S" | "NA";
  critical: boolean;
  totalDuties: number;
  coveredDuties: number;
  state: HeatmapState;
};

/** The heat map's scope: a cell is the whole duty, so it is not narrowed to one owner's parts. */
export type HeatmapScope = Omit<CoverageScope, "ownerId">;

/**
 * One cell per responsibility of an active system in scope, NA ones included, ordered by system
 * name (code units), system id, domain key. Parts come from the same per-duty rows as every other
 * coverage number.
 */
export async function getHeatmap(input: {
  workspaceId: string;
  scope?: HeatmapScope;
  now?: Date;
}): Promise<HeatmapCell[]> {
  const scope = { ...input.scope, ownerId: undefined };
  const pc = dutyCoverageSql({
    workspaceId: input.workspaceId,
    scope,
    now: input.now ?? new Date(),
  });
  // The duties' coverage is computed once (MATERIALIZED) and then joined to the responsibilities.
  // As a plain subquery, the planner re-ran it for every responsibility whenever the tables'
  // statistics were stale (right after a seed or a bulk import, until autovacuum's next ANALYZE):
  // 200 ms instead of 3 ms for 12 systems, seconds for hundreds. Either way it reads each duty once.
  return db.$queryRaw<HeatmapCell[]>`
    WITH pc AS MATERIALIZED (${pc})
    SELECT c.*,
      CASE WHEN c."totalDuties" = 0 THEN 'not_applicable'
        WHEN c."coveredDuties" = c."totalDuties" THEN 'covered'
        WHEN c."coveredDuties" > 0 THEN 'partly'
        ELSE 'gap' END AS state
    FROM (
      SELECT s.id AS "systemId", s.name AS "systemName", r.id AS "responsibilityId",
        r."domainKey", r.value::text AS value, r.critical,
        count(pc."dutyId")::int AS "totalDuties",
        count(pc."dutyId") FILTER (WHERE pc.covered)::int AS "coveredDuties"
      FROM "Responsibility" r
      JOIN "AiSystem" s ON s.id = r."systemId"
      LEFT JOIN pc ON pc."responsibilityId" = r.id
      WHERE ${scopePredicate({ workspaceId: input.workspaceId, scope, rows: "r", system: "s" })}
      GROUP BY s.id, r.id
    ) c
    ORDER BY c."systemName" COLLATE "C", c."systemId" COLLATE "C", c."domainKey" COLLATE "C"`;
}

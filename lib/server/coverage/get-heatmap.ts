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
  return db.$queryRaw<HeatmapCell[]>`
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
      LEFT JOIN (${pc}) pc ON pc."responsibilityId" = r.id
      WHERE ${scopePredicate({ workspaceId: input.workspaceId, scope, rows: "r", system: "s" })}
      GROUP BY s.id, r.id
    ) c
    ORDER BY c."systemName" COLLATE "C", c."systemId" COLLATE "C", c."domainKey" COLLATE "C"`;
}

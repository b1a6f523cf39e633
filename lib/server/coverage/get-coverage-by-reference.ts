import "server-only";

import type { MappingPair } from "@/lib/crosswalks/active-mapping";
import { db } from "@/lib/db/client";
import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import type { CoverageScope } from "@/lib/domain/coverage-snapshot";
import {
  SUMMARY_COUNTS,
  SUMMARY_RATES,
  SUMMED_COUNTS,
  toSummary,
} from "@/lib/server/coverage/coverage-summary-sql";
import { dutyCoverageSql } from "@/lib/server/coverage/duty-coverage-sql";

export type ReferenceCoverageRow = CoverageSummary & { catalogue: string; entry: string };
export type CatalogueCoverageRow = CoverageSummary & { catalogue: string };

/**
 * Coverage by external reference: a grouping over the engine's per-duty SQL
 * (`dutyCoverageSql`, unchanged) joined to crosswalk edges. A part counts for an entry when its
 * system is assessed against a version of the edge's framework and its domain is the edge's row;
 * so each reference's figures equal `getCoverage` over exactly those parts, and a catalogue's
 * figures count each part once, whichever of its entries relate to it.
 *
 * One statement: the parts are first reduced to counts per (framework, domain), which the edges
 * then sum, so the work grows with the parts, not with parts × edges. `pairs` must be distinct
 * (`mappingPairs`), or a part would count twice for one entry. References and catalogues without
 * parts are left out; callers fill them from the catalogue. Ordered by catalogue, then entry
 * (code units).
 */
export async function getCoverageByReference(input: {
  workspaceId: string;
  pairs: readonly MappingPair[];
  scope?: CoverageScope;
  now?: Date;
}): Promise<{ references: ReferenceCoverageRow[]; catalogues: CatalogueCoverageRow[] }> {
  if (input.pairs.length === 0) return { references: [], catalogues: [] };
  const where = {
    workspaceId: input.workspaceId,
    scope: input.scope ?? {},
    now: input.now ?? new Date(),
  };
  const column = (pick: (p: MappingPair) => string) => input.pairs.map(pick);
  type Row = CoverageSummary & {
    kind: "reference" | "catalogue";
    catalogue: string;
    entry: string | null;
  };
  const rows = await db.$queryRaw<Row[]>`
    WITH per_domain AS (
      SELECT f.key AS fw, pc."domainKey" AS dk, ${SUMMARY_COUNTS}
      FROM (${dutyCoverageSql(where)}) pc
      JOIN "AiSystem" s ON s.id = pc."systemId" AND s."workspaceId" = ${input.workspaceId}
      JOIN "FrameworkVersion" fv ON fv.id = s."frameworkVersionId"
      JOIN "Framework" f ON f.id = fv."frameworkId"
      GROUP BY 1, 2
    ),
    edge AS (
      SELECT * FROM unnest(
        ${column((p) => p.framework)}::text[], ${column((p) => p.row)}::text[],
        ${column((p) => p.catalogue)}::text[], ${column((p) => p.entry)}::text[]
      ) AS e(fw, dk, catalogue, entry)
    ),
    by_reference AS (
      SELECT e.catalogue, e.entry, ${SUMMED_COUNTS}
      FROM per_domain pc JOIN edge e ON e.fw = pc.fw AND e.dk = pc.dk
      GROUP BY 1, 2
    ),
    by_catalogue AS (
      SELECT e.catalogue, ${SUMMED_COUNTS}
      FROM per_domain pc JOIN (SELECT DISTINCT catalogue, fw, dk FROM edge) e
        ON e.fw = pc.fw AND e.dk = pc.dk
      GROUP BY 1
    )
    SELECT * FROM (
      SELECT 'reference' AS kind, c.catalogue, c.entry, ${SUMMARY_RATES} FROM by_reference c
      UNION ALL
      SELECT 'catalogue' AS kind, c.catalogue, NULL AS entry, ${SUMMARY_RATES} FROM by_catalogue c
    ) u
    ORDER BY u.catalogue COLLATE "C", u.entry COLLATE "C" NULLS FIRST`;
  return {
    references: rows
      .filter((r): r is Row & { entry: string } => r.kind === "reference" && r.entry !== null)
      .map((r) => ({ catalogue: r.catalogue, entry: r.entry, ...toSummary(r) })),
    catalogues: rows
      .filter((r) => r.kind === "catalogue")
      .map((r) => ({ catalogue: r.catalogue, ...toSummary(r) })),
  };
}

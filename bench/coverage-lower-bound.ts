// The benchmark's lower bound: the least SQL that still counts covered parts of a workspace by
// The coverage definition (docs/glossary.md, "Covered"), from the rows as they are stored: parts (with the linked-evidence
// summary the database keeps on each), their systems, and vendor attestations. No reasons, no
// other rates, no responsibility join, nothing stored per system. The engine's workspace coverage
// is compared against it (ratio ≤ 2 target); the bench checks both count the same covered parts.
//
// `fromLinksCountSql` counts the same from the raw links and evidence instead of the parts'
// summaries: the bench checks it agrees too, which cross-checks the triggers on 150,000 links.
import { Prisma } from "@/lib/generated/prisma/client";

const justified = (column: string) => Prisma.raw(`btrim(${column}) <> ''`);

export function lowerBoundSql(input: { workspaceId: string; now: Date }): Prisma.Sql {
  const now = Prisma.sql`${input.now.toISOString()}::timestamp(3)`;
  const ws = input.workspaceId;
  return Prisma.sql`
    SELECT count(*)::int AS covered
    FROM "Duty" p
    JOIN "AiSystem" s ON s.id = p."systemId"
    LEFT JOIN (
      SELECT DISTINCT e."vendorId" FROM "Evidence" e
      WHERE e."workspaceId" = ${ws} AND e.kind = 'ATTESTATION' AND e."vendorId" IS NOT NULL
        AND e."deletedAt" IS NULL AND e."supersededAt" IS NULL AND e."reviewStatus" <> 'REJECTED'
        AND (e."validUntil" IS NULL OR e."validUntil" >= ${now})) va ON va."vendorId" = s."vendorId"
    WHERE p."workspaceId" = ${ws} AND s."workspaceId" = ${ws} AND s."archivedAt" IS NULL
      AND s.lifecycle <> 'RETIRED'
      AND CASE WHEN p.side = 'PROVIDER'
          THEN p."attestedOpenEnded" OR p."attestedLatestUntil" >= ${now}
            OR va."vendorId" IS NOT NULL
        ELSE p."ownerId" IS NOT NULL AND (
          (p.status = 'IMPLEMENTED' AND (p."linkedOpenEnded" OR p."linkedLatestUntil" >= ${now}))
          OR (p.status = 'NOT_APPLICABLE' AND ${justified("p.justification")})
          OR (p.status = 'RISK_ACCEPTED' AND ${justified("p.justification")}
              AND p."riskApproverId" IS NOT NULL AND p."riskAcceptanceExpiresAt" >= ${now}))
        END`;
}

export function fromLinksCountSql(input: { workspaceId: string; now: Date }): Prisma.Sql {
  const now = Prisma.sql`${input.now.toISOString()}::timestamp(3)`;
  const ws = input.workspaceId;
  return Prisma.sql`
    SELECT count(*)::int AS covered
    FROM "Duty" p
    JOIN "AiSystem" s ON s.id = p."systemId"
    LEFT JOIN (
      SELECT l."dutyId", bool_or(e.kind = 'ATTESTATION') AS attested
      FROM "EvidenceLink" l JOIN "Evidence" e ON e.id = l."evidenceId"
      WHERE l."workspaceId" = ${ws} AND e."workspaceId" = ${ws} AND e."deletedAt" IS NULL
        AND e."supersededAt" IS NULL AND e."reviewStatus" <> 'REJECTED'
        AND (e."validUntil" IS NULL OR e."validUntil" >= ${now})
      GROUP BY l."dutyId") lk ON lk."dutyId" = p.id
    LEFT JOIN (
      SELECT DISTINCT e."vendorId" FROM "Evidence" e
      WHERE e."workspaceId" = ${ws} AND e.kind = 'ATTESTATION' AND e."vendorId" IS NOT NULL
        AND e."deletedAt" IS NULL AND e."supersededAt" IS NULL AND e."reviewStatus" <> 'REJECTED'
        AND (e."validUntil" IS NULL OR e."validUntil" >= ${now})) va ON va."vendorId" = s."vendorId"
    WHERE p."workspaceId" = ${ws} AND s."workspaceId" = ${ws} AND s."archivedAt" IS NULL
      AND s.lifecycle <> 'RETIRED'
      AND CASE WHEN p.side = 'PROVIDER' THEN lk.attested IS TRUE OR va."vendorId" IS NOT NULL
        ELSE p."ownerId" IS NOT NULL AND (
          (p.status = 'IMPLEMENTED' AND lk."dutyId" IS NOT NULL)
          OR (p.status = 'NOT_APPLICABLE' AND btrim(p.justification) <> '')
          OR (p.status = 'RISK_ACCEPTED' AND btrim(p.justification) <> ''
              AND p."riskApproverId" IS NOT NULL AND p."riskAcceptanceExpiresAt" >= ${now}))
        END`;
}

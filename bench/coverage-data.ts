// Builds the benchmark's workspace inside the database with generate_series (INSERT … SELECT), so
// 5,000 systems and ~150,000 links take seconds rather than minutes of client round trips.
// Distributions are deterministic functions of row numbers and id hashes: the same data each run.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** The built-in framework's deployment-model keys, for the benches' generated systems. */
export const MODELS = [
  "saas_ai",
  "paas_ai",
  "iaas_ai",
  "on_premises",
  "embedded_ai",
  "agentic_ai",
  "ai_coding",
  "mcp_systems",
];
const WEIGHT: Record<string, number> = { NA: 0, P: 1, S: 2, C: 3 };
const EVIDENCE = 60_000;
const USERS = 20;

type Cell = { row: string; column: string; value: string; critical?: boolean };

export async function generateWorkspace(input: {
  db: PrismaClient;
  systems: number;
  cells: Cell[];
  now: Date;
}) {
  const { db } = input;
  const now = Prisma.sql`${input.now.toISOString()}::timestamp(3)`;
  const workspace = await db.workspace.create({
    data: { slug: "bench-coverage", name: "Coverage benchmark" },
  });
  const ws = workspace.id;
  const framework = await db.framework.create({
    data: {
      scopeKey: ws,
      workspaceId: ws,
      key: "ai-security-srm",
      name: "AI SRM",
      publisher: "Bench",
    },
  });
  const version = await db.frameworkVersion.create({
    data: { frameworkId: framework.id, version: "1.1.0", definition: {}, definitionHash: "bench" },
  });
  const vendors = await Promise.all(
    ["Acme AI", "Globex Models", "Initech Cloud"].map((name) =>
      db.vendor.create({ data: { workspaceId: ws, name } }),
    ),
  );
  const vendorIds = vendors.map((v) => v.id);
  await db.user.createMany({
    data: Array.from({ length: USERS }, (_, i) => ({
      id: `user${i}`,
      email: `user${i}@bench.test`,
      name: `User ${i}`,
    })),
  });
  await db.membership.createMany({
    data: Array.from({ length: USERS }, (_, i) => ({
      workspaceId: ws,
      userId: `user${i}`,
      role: "EDITOR" as const,
    })),
  });

  // One in three systems has a second model; 2 % retired, ~2 % archived, 60 % with a vendor.
  await db.$executeRaw`
    INSERT INTO "AiSystem" (id, "workspaceId", name, "frameworkVersionId", "primaryModel",
      "additionalModels", "deploymentModels", "vendorId", "riskTier", lifecycle, "archivedAt", tags,
      "createdAt", "updatedAt")
    SELECT 'sys' || lpad(i::text, 5, '0'), ${ws}, 'System ' || i, ${version.id}, m[1], m[2:], m,
      CASE WHEN i % 5 < 3 THEN (${vendorIds}::text[])[(i % 3) + 1] END,
      (ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', NULL])[(i % 5) + 1]::"RiskTier",
      (CASE WHEN i % 50 = 0 THEN 'RETIRED' WHEN i % 7 = 0 THEN 'PILOT' WHEN i % 11 = 0 THEN 'PLANNED'
        ELSE 'PRODUCTION' END)::"Lifecycle",
      CASE WHEN i % 45 = 1 THEN ${now} END, '{}', ${now}, ${now}
    FROM generate_series(1, ${input.systems}) i,
    LATERAL (SELECT CASE WHEN i % 3 = 0
      THEN ARRAY[(${MODELS}::text[])[(i % 8) + 1], (${MODELS}::text[])[((i + 3) % 8) + 1]]
      ELSE ARRAY[(${MODELS}::text[])[(i % 8) + 1]] END AS m) models`;

  // Derivation in SQL: the most customer-heavy cell over the system's models (C > S > P > NA).
  const matrix = Prisma.join(
    input.cells.map(
      (c) =>
        Prisma.sql`(${c.row}, ${c.column}, ${WEIGHT[c.value] ?? 0}::int, ${c.critical ?? false}::boolean)`,
    ),
  );
  await db.$executeRaw`
    INSERT INTO "Responsibility" (id, "workspaceId", "systemId", "domainKey", "derivedValue", value,
      critical, "createdAt", "updatedAt")
    SELECT 'r' || s.id || '_' || mx.row, ${ws}, s.id, mx.row,
      (ARRAY['NA', 'P', 'S', 'C'])[max(mx.weight) + 1]::"ResponsibilityValue",
      (ARRAY['NA', 'P', 'S', 'C'])[max(mx.weight) + 1]::"ResponsibilityValue",
      bool_or(mx.critical), ${now}, ${now}
    FROM "AiSystem" s JOIN (VALUES ${matrix}) AS mx(row, col, weight, critical)
      ON mx.col = ANY(s."deploymentModels")
    WHERE s."workspaceId" = ${ws}
    GROUP BY s.id, mx.row`;

  // 70 % owned; customer statuses 45 % implemented, 15 % in progress, 15 % not started, 10 % not
  // applicable, 15 % risk accepted (expiry spread ±, some without justification).
  await db.$executeRaw`
    INSERT INTO "Duty" (id, "workspaceId", "responsibilityId", "systemId", "domainKey",
      side, "ownerId", status, justification, "dueDate", "riskAcceptanceExpiresAt", "riskApproverId",
      "createdAt", "updatedAt")
    SELECT r.id || '_' || sd.code, ${ws}, r.id, r."systemId", r."domainKey", sd.side::"DutySide",
      CASE WHEN h % 10 < 7 THEN 'user' || (h % ${USERS}) END,
      (CASE WHEN sd.side = 'PROVIDER' THEN 'NOT_STARTED'
        WHEN h / 10 % 20 < 9 THEN 'IMPLEMENTED' WHEN h / 10 % 20 < 12 THEN 'IN_PROGRESS'
        WHEN h / 10 % 20 < 15 THEN 'NOT_STARTED' WHEN h / 10 % 20 < 17 THEN 'NOT_APPLICABLE'
        ELSE 'RISK_ACCEPTED' END)::"DutyStatus",
      CASE WHEN h % 7 <> 0 THEN 'Reviewed by the security team' END,
      CASE WHEN h % 4 <> 0 THEN ${now} + ((h % 120) - 30) * interval '1 day' END,
      ${now} + ((h % 200) - 50) * interval '1 day', CASE WHEN h % 9 <> 0 THEN 'user1' END,
      ${now}, ${now}
    FROM "Responsibility" r
    JOIN (VALUES ('C', 'CUSTOMER', 'c'), ('S', 'CUSTOMER', 'c'), ('S', 'PROVIDER', 'p'),
      ('P', 'PROVIDER', 'p')) AS sd(val, side, code) ON sd.val = r.value::text
    CROSS JOIN LATERAL (SELECT abs(hashtext(r.id || sd.code)::bigint) AS h) hh
    WHERE r."workspaceId" = ${ws}`;

  // Evidence: every 20th an attestation; 10 % expired, 4 % rejected, 2.5 % superseded, 2 % deleted.
  await db.$executeRaw`
    INSERT INTO "Evidence" (id, "workspaceId", kind, title, "validUntil", "reviewStatus",
      "supersededAt", "deletedAt", "collectedAt", "createdAt", "updatedAt")
    SELECT 'e' || i, ${ws},
      (CASE WHEN i % 20 = 0 THEN 'ATTESTATION' WHEN i % 3 = 0 THEN 'LINK' WHEN i % 3 = 1 THEN 'FILE'
        ELSE 'NOTE' END)::"EvidenceKind", 'Evidence ' || i,
      CASE WHEN i % 10 = 0 THEN ${now} - (i % 90 + 1) * interval '1 day' WHEN i % 10 IN (1, 2) THEN NULL
        ELSE ${now} + (i % 400 + 1) * interval '1 day' END,
      (CASE WHEN i % 25 = 0 THEN 'REJECTED' WHEN i % 3 = 0 THEN 'PENDING' ELSE 'ACCEPTED' END)::"ReviewStatus",
      CASE WHEN i % 40 = 3 THEN ${now} END, CASE WHEN i % 50 = 7 THEN ${now} END, ${now}, ${now}, ${now}
    FROM generate_series(1, ${EVIDENCE}) i`;
  // Vendor attestations: two vendors current, the third's expired.
  await db.evidence.createMany({
    data: vendorIds.map((vendorId, i) => ({
      workspaceId: ws,
      kind: "ATTESTATION" as const,
      title: `SOC 2 report ${i}`,
      vendorId,
      reviewStatus: "ACCEPTED" as const,
      validUntil: new Date(input.now.getTime() + (i === 2 ? -1 : 1) * 30 * 86_400_000),
    })),
  });

  // Customer parts get 0–4 links to any evidence, provider parts 0–1 to attestations: ~150,000.
  await db.$executeRaw`
    INSERT INTO "EvidenceLink" (id, "workspaceId", "evidenceId", "dutyId", "createdAt")
    SELECT 'l' || p.n || '_' || j, ${ws},
      CASE WHEN p.side = 'CUSTOMER' THEN 'e' || ((p.n * 7919 + j * 104729) % ${EVIDENCE} + 1)
        ELSE 'e' || (((p.n * 31 + j * 17) % ${EVIDENCE / 20}) + 1) * 20 END,
      p.id, ${now}
    FROM (SELECT id, side, row_number() OVER (ORDER BY id) AS n FROM "Duty"
      WHERE "workspaceId" = ${ws}) p
    CROSS JOIN LATERAL generate_series(1,
      CASE WHEN p.side = 'CUSTOMER' THEN (p.n % 5)::int ELSE ((p.n % 3) + 1)::int / 2 END) j
    ON CONFLICT DO NOTHING`;
  // Bulk inserts bumped every system's coverage generation several times (the triggers); a
  // vacuum clears those row versions, as autovacuum would soon after such a load.
  await db.$executeRawUnsafe("VACUUM ANALYZE");

  const [counts] = await db.$queryRaw<
    { systems: number; parts: number; evidence: number; links: number }[]
  >`
    SELECT (SELECT count(*)::int FROM "AiSystem" WHERE "workspaceId" = ${ws}) AS systems,
      (SELECT count(*)::int FROM "Duty" WHERE "workspaceId" = ${ws}) AS parts,
      (SELECT count(*)::int FROM "Evidence" WHERE "workspaceId" = ${ws}) AS evidence,
      (SELECT count(*)::int FROM "EvidenceLink" WHERE "workspaceId" = ${ws}) AS links`;
  return { workspaceId: ws, counts: counts! };
}

// List-page query times with 5,000 AI systems in one workspace (issue 5's closing note).
//
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run -s bench:lists
//
// Creates a scratch database (on TEST_DATABASE_URL's server, else embedded PGlite), migrates it,
// writes 5,000 systems with their derived duties (≈ 100,000 parts) plus a second workspace of 500
// (so every query must filter by workspace), then times each list query as the pages run it and
// prints the median and worst of several runs. Not a test: numbers depend on the machine.
import { randomBytes } from "node:crypto";

import { createTestDatabase } from "../tests/support/test-database";

const SYSTEMS = Number(process.env.BENCH_SYSTEMS || 5000);
const RUNS = 7;

async function main() {
  const database = await createTestDatabase("srm_bench");
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  try {
    await run();
  } finally {
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    await database.drop();
  }
}

async function run() {
  const { db } = await import("@/lib/db/client");
  const { seedBuiltInFrameworks } = await import("@/lib/server/frameworks/seed-builtins");
  const { loadFrameworkMatrix } = await import("@/lib/server/systems/framework-matrix");
  const { insertDerivedSystems } = await import("@/lib/server/systems/insert-derived-systems");
  const { listSystems } = await import("@/lib/server/systems/list-systems");
  const { listResponsibilities } =
    await import("@/lib/server/responsibilities/list-responsibilities");
  const { listMyDuties } = await import("@/lib/server/responsibilities/list-my-duties");
  const { systemFieldsSchema, systemListQuerySchema } = await import("@/lib/validation/systems");
  const { myDutiesQuerySchema, responsibilityListQuerySchema } =
    await import("@/lib/validation/responsibilities");

  await seedBuiltInFrameworks();
  const version = await db.frameworkVersion.findFirstOrThrow({
    where: { framework: { key: "ai-security-srm" } },
    select: { id: true },
  });
  const models = [
    "saas_ai",
    "paas_ai",
    "iaas_ai",
    "on_premises",
    "embedded_ai",
    "agentic_ai",
    "ai_coding",
    "mcp_systems",
  ];
  const tiers = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
  const lifecycles = ["PLANNED", "PILOT", "PRODUCTION", "RETIRED"] as const;

  async function populate(slug: string, count: number) {
    const workspace = await db.workspace.create({ data: { slug, name: slug } });
    const users = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.user.create({ data: { email: `${slug}-u${i}@bench.test`, name: `User ${i}` } }),
      ),
    );
    await db.membership.createMany({
      data: users.map((u, i) => ({
        workspaceId: workspace.id,
        userId: u.id,
        role: i === 0 ? "OWNER" : "EDITOR",
      })),
    });
    const vendors = await db.vendor.createManyAndReturn({
      data: Array.from({ length: 30 }, (_, i) => ({
        workspaceId: workspace.id,
        name: `Vendor ${i}`,
      })),
    });
    const matrix = await loadFrameworkMatrix(db, {
      workspaceId: workspace.id,
      frameworkVersionId: version.id,
    });
    const started = Date.now();
    for (let start = 0; start < count; start += 250) {
      const chunk = Array.from({ length: Math.min(250, count - start) }, (_, k) => {
        const i = start + k;
        return {
          matrix,
          fields: systemFieldsSchema.parse({
            name: `System ${String(i).padStart(5, "0")} ${["chatbot", "agent", "copilot", "scorer"][i % 4]}`,
            frameworkVersionId: version.id,
            primaryModel: models[i % 8],
            additionalModels: i % 5 === 0 ? [models[(i + 3) % 8]] : [],
            vendorId: vendors[i % vendors.length]!.id,
            businessOwnerId: users[i % users.length]!.id,
            riskTier: tiers[i % 4],
            lifecycle: lifecycles[i % 4],
            tags: [`team-${i % 12}`],
          }),
        };
      });
      await db.$transaction(
        (tx) => insertDerivedSystems(tx, { workspaceId: workspace.id, systems: chunk }),
        { timeout: 120_000 },
      );
    }
    // A third of the customer parts get owners, statuses and due dates, like a workspace in use.
    await db.$executeRaw`
      UPDATE "Duty" p SET
        "ownerId" = (SELECT "userId" FROM "Membership" m WHERE m."workspaceId" = p."workspaceId" ORDER BY m.id OFFSET (abs(hashtext(p.id)) % 20) LIMIT 1),
        status = (ARRAY['IN_PROGRESS','IMPLEMENTED','NOT_STARTED']::"DutyStatus"[])[1 + abs(hashtext(p.id || 's')) % 3],
        "dueDate" = now() + ((abs(hashtext(p.id || 'd')) % 120) - 30) * interval '1 day'
      WHERE p."workspaceId" = ${workspace.id} AND p.side = 'CUSTOMER' AND abs(hashtext(p.id)) % 3 = 0`;
    await db.$executeRawUnsafe(`ANALYZE`);
    return { workspace, users, vendors, seconds: (Date.now() - started) / 1000 };
  }

  const main = await populate(`bench-${randomBytes(3).toString("hex")}`, SYSTEMS);
  await populate(`noise-${randomBytes(3).toString("hex")}`, Math.round(SYSTEMS / 10));
  const parts = await db.duty.count({ where: { workspaceId: main.workspace.id } });
  console.log(
    `database: ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}; ${SYSTEMS} systems, ${parts} parts in the measured workspace (written in ${main.seconds.toFixed(1)} s)`,
  );

  const workspaceId = main.workspace.id;
  const owner = main.users[3]!.id;
  const cases: [string, () => Promise<unknown>][] = [
    [
      "systems: first page (default, by name)",
      () => listSystems({ workspaceId, query: systemListQuerySchema.parse({}) }),
    ],
    [
      "systems: page 100",
      () => listSystems({ workspaceId, query: systemListQuerySchema.parse({ page: "100" }) }),
    ],
    [
      "systems: search 'agent'",
      () => listSystems({ workspaceId, query: systemListQuerySchema.parse({ q: "agent" }) }),
    ],
    [
      "systems: model + risk + lifecycle",
      () =>
        listSystems({
          workspaceId,
          query: systemListQuerySchema.parse({
            model: "agentic_ai",
            risk: "HIGH",
            lifecycle: "PILOT",
          }),
        }),
    ],
    [
      "systems: vendor filter, by risk",
      () =>
        listSystems({
          workspaceId,
          query: systemListQuerySchema.parse({ vendor: main.vendors[3]!.id, sort: "risk" }),
        }),
    ],
    [
      "systems: recently changed, 100/page",
      () =>
        listSystems({
          workspaceId,
          query: systemListQuerySchema.parse({ sort: "-updated", pageSize: "100" }),
        }),
    ],
    [
      "duties: first page (by system)",
      () => listResponsibilities({ workspaceId, query: responsibilityListQuerySchema.parse({}) }),
    ],
    [
      "duties: page 500",
      () =>
        listResponsibilities({
          workspaceId,
          query: responsibilityListQuerySchema.parse({ page: "500" }),
        }),
    ],
    [
      "duties: owner filter, by due date",
      () =>
        listResponsibilities({
          workspaceId,
          query: responsibilityListQuerySchema.parse({ owner, sort: "due" }),
        }),
    ],
    [
      "duties: critical + unowned",
      () =>
        listResponsibilities({
          workspaceId,
          query: responsibilityListQuerySchema.parse({ critical: "true", owner: "none" }),
        }),
    ],
    [
      "duties: status + model + risk",
      () =>
        listResponsibilities({
          workspaceId,
          query: responsibilityListQuerySchema.parse({
            status: "IN_PROGRESS",
            model: "paas_ai",
            risk: "CRITICAL",
          }),
        }),
    ],
    [
      "duties: domain filter",
      () =>
        listResponsibilities({
          workspaceId,
          query: responsibilityListQuerySchema.parse({ domain: "agent_governance" }),
        }),
    ],
    [
      "my duties (one member, first page)",
      () => listMyDuties({ workspaceId, userId: owner, query: myDutiesQuerySchema.parse({}) }),
    ],
  ];
  console.log(`\n${"query".padEnd(40)} ${"median".padStart(9)} ${"worst".padStart(9)}`);
  for (const [name, query] of cases) {
    await query(); // warm-up: connection, framework cache, plan cache
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await query();
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    console.log(
      `${name.padEnd(40)} ${`${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms`.padStart(9)} ${`${times[RUNS - 1]!.toFixed(1)} ms`.padStart(9)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

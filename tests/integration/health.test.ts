import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, inject, it } from "vitest";

import { db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkDatabase } from "@/lib/server/health/check-database";

describe("database health", () => {
  it("says only that the database is unreachable, never the driver's error (issue 14, point 7)", async () => {
    // A real client and driver against a port where nothing listens.
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://srm_admin:pw@127.0.0.1:1/ai_srm" }),
    });
    try {
      const health = await checkDatabase(unreachable);
      expect(health).toEqual({ ok: false, reason: "database unreachable" });
      expect(JSON.stringify(health)).not.toMatch(/srm_admin|127\.0\.0\.1|ECONNREFUSED|:1\b/);
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("reports the applied migrations of the test database", async () => {
    const health = await checkDatabase();
    expect(health.ok).toBe(true);
    const applied = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    expect(health).toMatchObject({ ok: true, migrations: Number(applied[0]?.n) });
    expect(Number(applied[0]?.n)).toBeGreaterThan(0);
  });

  it(`runs on the configured engine (${inject("databaseKind")})`, async () => {
    const rows = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
    expect(rows[0]?.version).toMatch(/PostgreSQL/);
  });

  it("handles the app's connection pool under concurrent queries", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.$queryRaw<{ n: number }[]>`SELECT ${i}::int AS n`),
    );
    expect(results.map((r) => r[0]?.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it("keeps concurrent transactions apart", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db
          .$transaction(async (tx) => {
            await tx.workspace.create({ data: { slug: `tx-${i}`, name: `Tx ${i}` } });
            if (i % 2 === 1) throw new Error("roll back odd ones");
          })
          .catch(() => undefined),
      ),
    );
    const slugs = (await db.workspace.findMany({ select: { slug: true } })).map((w) => w.slug);
    expect(slugs.sort()).toEqual(["tx-0", "tx-2", "tx-4", "tx-6"]);
  });
});

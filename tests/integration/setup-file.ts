import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, inject } from "vitest";

// Runs before each test file, before the file's own imports touch the database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
process.env.DATA_DIR ??= `.data/test-${process.pid}`;

// No shared state between test files: every file starts from empty tables.
beforeAll(async () => {
  const { db } = await import("@/lib/db/client");
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length > 0) {
    const list = tables.map((t) => `"public"."${t.tablename}"`).join(", ");
    await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  }
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
});

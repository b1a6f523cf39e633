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
  // A file that used the job queue leaves no jobs or schedules to the next file, and no workers.
  const { jobQueueStatus } = await import("@/lib/server/jobs/job-queue");
  if (jobQueueStatus().running) {
    const { resetJobQueue } = await import("@/tests/support/job-queue");
    await resetJobQueue();
  }
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
});

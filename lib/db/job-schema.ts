// The job queue's tables. pg-boss keeps them in a schema of its own ("pgboss"), created and
// upgraded by pg-boss itself (its own versioned migrations, under an advisory lock, so concurrent
// starts are safe). Prisma only manages the "public" schema: the datasource names no other
// schema, `migrate deploy` applies our migration files only and `migrate diff` compares them with
// prisma/schema.prisma, so neither ever sees or touches pg-boss's tables, and pg-boss never touches
// ours. `npm run db:migrate` and the test databases install both (scripts/lib/runtime.ts,
// tests/support/test-database.ts); the app would also install it on its first start.
// Shared by the launcher and the tests, so it reads no configuration itself.
import { PgBoss } from "pg-boss";

export const JOB_SCHEMA = "pgboss";

/** Creates or upgrades pg-boss's schema in the database at `url`; returns its schema version. */
export async function installJobSchema(url: string): Promise<number | null> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOB_SCHEMA,
    max: 2,
    // Install only: no maintenance, no cron pass, no registry row for this short-lived instance.
    supervise: false,
    schedule: false,
    registerInstance: false,
    openTelemetry: { enabled: false },
  });
  const errors: unknown[] = [];
  boss.on("error", (error) => errors.push(error));
  await boss.start();
  let version: number | null;
  try {
    version = await boss.schemaVersion();
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  if (errors.length > 0) throw errors[0];
  return version;
}

/** Removes pg-boss's schema (used by `npm run db:reset` on a PostgreSQL server). */
export const DROP_JOB_SCHEMA_SQL = `DROP SCHEMA IF EXISTS "${JOB_SCHEMA}" CASCADE`;

// A fresh, isolated database for one test run: a new database on TEST_DATABASE_URL's server when
// it is set, otherwise an in-memory embedded PostgreSQL (PGlite). Migrations are applied with the
// same `npm run db:migrate` steps the app uses: Prisma's migrations and the job queue's schema.
import { randomBytes } from "node:crypto";

import pg from "pg";

import { startEmbeddedDatabase } from "../../lib/db/embedded";
import { migrate } from "../../scripts/lib/runtime";

export type TestDatabase = { url: string; kind: "postgres" | "pglite"; drop: () => Promise<void> };

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: TestDatabase;
  if (serverUrl) {
    const name = `${prefix}_${Date.now()}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    database = {
      url: withDatabase(serverUrl, name),
      kind: "postgres",
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  } else {
    const embedded = await startEmbeddedDatabase({});
    database = { url: embedded.url, kind: "pglite", drop: embedded.stop };
  }
  try {
    await migrate({ ...process.env, DATABASE_URL: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

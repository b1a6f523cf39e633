// `npm run db:reset` on a PostgreSQL server: `prisma migrate reset` empties the "public" schema
// only, so the job queue's schema (its jobs and schedules, which name rows that no longer exist)
// is dropped and installed again here.
import pg from "pg";

import { DROP_JOB_SCHEMA_SQL, installJobSchema } from "../../lib/db/job-schema";

export async function resetJobSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(DROP_JOB_SCHEMA_SQL);
  } finally {
    await client.end();
  }
  await installJobSchema(url);
}

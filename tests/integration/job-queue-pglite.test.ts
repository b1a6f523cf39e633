// The job queue on the embedded database, whatever database this test run uses: a fresh PGlite
// served over its socket (as `npm start` serves it), migrated like the app's, and a child process
// running the app's queue code against it. pg-boss 12 starts there, works jobs sent inside and
// outside a transaction, turns a cron schedule into a job and dead-letters a failing job into a
// failed-job record.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";

import { afterAll, beforeAll, expect, it } from "vitest";

import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { binPath, migrate, ROOT } from "@/scripts/lib/runtime";

const run = promisify(execFile);
let database: EmbeddedDatabase;

beforeAll(async () => {
  database = await startEmbeddedDatabase({});
  await migrate({ ...process.env, DATABASE_URL: database.url });
});

afterAll(async () => {
  await database?.stop();
});

it("runs jobs, schedules and failures on PGlite through its socket", async () => {
  const { stdout } = await run(
    binPath("tsx"),
    ["--conditions=react-server", "tests/support/job-queue-probe.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        LOG_LEVEL: "silent",
      },
      timeout: 60_000,
    },
  );
  const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
  expect(result).toMatchObject({
    echoed: true,
    echoState: "completed",
    cron: true,
    failed: true,
    schedules: ["probe-cron * * * * *"],
  });
}, 90_000);

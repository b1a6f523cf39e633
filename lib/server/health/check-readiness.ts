import "server-only";

import { readdir } from "node:fs/promises";
import path from "node:path";

import { db } from "@/lib/db/client";
import { jobQueueStatus } from "@/lib/server/jobs/job-queue";
import { isShuttingDown } from "@/lib/server/lifecycle/shutdown";

export type Readiness = {
  ready: boolean;
  checks: {
    database: { ok: boolean; detail: string };
    migrations: { ok: boolean; detail: string };
    jobQueue: { ok: boolean; detail: string };
    shutdown: { ok: boolean; detail: string };
  };
};

const TIMEOUT_MS = 2_000;

/**
 * Whether this process should get traffic (a load balancer's readiness check; /api/health stays
 * the liveness check): the database answers, every migration shipped with this build is applied,
 * the job queue runs (with or without workers: jobQueueStatus(), no database round trip) and the
 * process is not shutting down.
 */
export async function checkReadiness(): Promise<Readiness> {
  const [database, migrations] = await Promise.all([appliedMigrations(), shippedMigrations()]);
  const queue = jobQueueStatus();
  const checks: Readiness["checks"] = {
    // Anonymous callers get no driver or queue error text (it names hosts, ports and users); the
    // pool and the job queue log those once, for the operator.
    database: database.ok
      ? { ok: true, detail: "reachable" }
      : { ok: false, detail: "unreachable" },
    migrations: !database.ok
      ? { ok: false, detail: "unknown (database unreachable)" }
      : migrationCheck(database.applied, migrations),
    jobQueue: queue.running
      ? { ok: true, detail: queue.working ? "running with workers" : "running (sending only)" }
      : {
          ok: false,
          detail: queue.lastErrorAt
            ? `not running (last error at ${queue.lastErrorAt})`
            : "not running",
        },
    shutdown: isShuttingDown()
      ? { ok: false, detail: "shutting down" }
      : { ok: true, detail: "serving" },
  };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}

function migrationCheck(applied: Set<string>, shipped: string[] | null) {
  if (!shipped) return { ok: true, detail: `${applied.size} applied (migration files not found)` };
  const pending = shipped.filter((name) => !applied.has(name));
  return pending.length === 0
    ? { ok: true, detail: `${applied.size} applied` }
    : { ok: false, detail: `${pending.length} not applied: ${pending.join(", ")}` };
}

async function appliedMigrations(): Promise<{ ok: true; applied: Set<string> } | { ok: false }> {
  try {
    const rows = await Promise.race([
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS),
      ),
    ]);
    return { ok: true, applied: new Set(rows.map((row) => row.migration_name)) };
  } catch {
    return { ok: false };
  }
}

/** The migration folders next to the running build (the app runs from the project folder). */
async function shippedMigrations(): Promise<string[] | null> {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return null;
  }
}

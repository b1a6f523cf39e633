import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export type DatabaseHealth =
  { ok: true; latencyMs: number; migrations: number } | { ok: false; reason: string };

const TIMEOUT_MS = 3000;

type Probe = { $queryRaw: (typeof db)["$queryRaw"] };

/**
 * Whether the database answers. The public answer says only that it does not: the driver's
 * error names hosts, ports, users or database names, which anonymous callers of /api/health
 * must not learn; the detail goes to the server log for the operator.
 */
export async function checkDatabase(client: Probe = db): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = client.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    const rows = await Promise.race([probe, timeout]);
    return {
      ok: true,
      latencyMs: Math.round(performance.now() - started),
      migrations: Number(rows[0]?.count ?? 0),
    };
  } catch (error) {
    logger.error({ err: error }, "health check: the database did not answer");
    return { ok: false, reason: "database unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

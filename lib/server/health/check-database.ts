import "server-only";

import { db } from "@/lib/db/client";

export type DatabaseHealth =
  | { ok: true; latencyMs: number; migrations: number }
  | { ok: false; reason: string };

const TIMEOUT_MS = 3000;

export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const probe = db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS),
    );
    const rows = await Promise.race([probe, timeout]);
    return {
      ok: true,
      latencyMs: Math.round(performance.now() - started),
      migrations: Number(rows[0]?.count ?? 0),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `database unreachable: ${message.split("\n")[0]}` };
  }
}

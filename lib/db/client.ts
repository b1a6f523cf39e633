import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { createAppPool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, kept on globalThis so dev-server reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function getClient(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const pool = createAppPool({
      connectionString: env().DATABASE_URL,
      max: env().DATABASE_POOL_SIZE,
      // No JIT compilation: the app runs short queries, and for a large statement with rough
      // row estimates (the coverage engine's CTEs) PostgreSQL's planner decided to JIT-compile
      // it, which took 2.5 s for a query that runs in 30 ms (measured with EXPLAIN ANALYZE on
      // the 5,000-system bench workspace). Sent as a startup option, so it holds on every
      // pooled connection.
      options: "-c jit=off",
    });
    // Our own pool (see pool.ts); $disconnect still ends it.
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    globalForPrisma.prisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.prisma;
}

// Created on first use, not at import: `next build` imports modules without a database and
// must not fail on configuration it does not need.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Ends the pool (the last step of a shutdown); a later use would open a new one. */
export async function closeDatabase(): Promise<void> {
  const client = globalForPrisma.prisma;
  globalForPrisma.prisma = undefined;
  await client?.$disconnect();
}

// Embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) served over the Postgres wire
// protocol on a loopback port, so Prisma, migrations and raw SQL use it exactly like a server.
// Used by the launcher (persisted under .data/) and by the integration tests (in memory).
import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";

import { serveEmbedded } from "./embedded-server";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

// PGlite runs one session; the socket server (embedded-server.ts) multiplexes clients onto it,
// keeping each query's messages, and each transaction's statements, together. Allow comfortably
// more clients than the app's pool size (see lib/db/client.ts).
export const EMBEDDED_MAX_CONNECTIONS = 64;

export async function startEmbeddedDatabase(options: {
  dataDir?: string;
  port?: number;
}): Promise<EmbeddedDatabase> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = await serveEmbedded(db, {
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  const { port } = server;
  let stopped = false;
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // close() checkpoints and flushes the data directory, so a restart finds the data intact
      await db.close();
    },
  };
}

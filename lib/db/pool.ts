import "server-only";

import pg from "pg";

import {
  isDatabaseUnavailableError,
  markDatabaseAvailable,
  markDatabaseUnavailable,
  onDatabaseUnavailable,
} from "@/lib/db/availability";
import { logger } from "@/lib/log/logger";

const PROBE_MS = 1_000;
/** Opening a connection gives up after this long: the host is down or unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * A request waits this long for a free connection while all of them are in use (a busy moment,
 * not an outage) before it is answered 503 "busy"; the database is not marked unavailable.
 */
const POOL_WAIT_MS = 30_000;

/** node-postgres's client with its own connect timeout, apart from the pool's wait. */
class AppClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === "string" ? { connectionString: config } : config),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
  }
}

/*
 * The app's connection pool, made to recover from a database outage within seconds:
 *
 * - A database restart leaves every pooled connection dead, but the pool only notices a dead
 *   connection when it hands it out, so requests failed one dead connection at a time for a long
 *   while after the database was back (measured: 25 s of 500s after a 3 s restart). The first
 *   connection-level error now destroys every idle connection at once, so the next request opens
 *   a fresh one.
 * - Connecting gives up after 5 s instead of waiting forever on an unreachable host, and TCP
 *   keep-alive finds connections whose peer vanished without closing them. Waiting for a free
 *   connection is another matter: the pool's one timeout covers both, and with 5 s a burst of
 *   slow requests made the others time out waiting, which was taken for an outage and answered
 *   503 everywhere (bench:load at 5,000 systems). So the connect timeout lives on the client and
 *   the pool waits up to 30 s; a wait that runs out is "busy" (lib/errors.ts), not an outage.
 * - While the database is unavailable, a probe runs every second; its first success (or any
 *   successful query) marks the database available again. Pages and the API answer 503 with
 *   Retry-After meanwhile (proxy.ts, lib/errors.ts).
 */
export function createAppPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({
    Client: AppClient,
    connectionTimeoutMillis: POOL_WAIT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    idleTimeoutMillis: 30_000,
    ...config,
  });
  const idle = new Set<pg.PoolClient>();
  let probing: ReturnType<typeof setInterval> | undefined;

  const discardIdle = () => {
    for (const client of idle) {
      // Destroying the socket makes the client emit "error" while idle: the pool removes it.
      client.connection.stream.destroy();
    }
    idle.clear();
  };

  const failed = (error: Error) => {
    if (!isDatabaseUnavailableError(error)) return;
    markDatabaseUnavailable(error.message.split("\n")[0] ?? "database unreachable");
    discardIdle();
  };

  pool.on("connect", (client) => idle.add(client));
  pool.on("acquire", (client) => idle.delete(client));
  pool.on("remove", (client) => idle.delete(client));
  pool.on("release", (error: Error | undefined, client: pg.PoolClient) => {
    if (error) {
      failed(error);
      return;
    }
    // Not proof that the database is fine (a transaction's connection is released without its
    // error): only the probe marks it available again.
    idle.add(client);
  });
  // An idle connection that breaks: the pool has removed it already; its siblings go too.
  pool.on("error", (error) => failed(error));

  onDatabaseUnavailable(() => {
    if (probing) return;
    probing = setInterval(() => {
      pool.query("SELECT 1").then(
        () => {
          markDatabaseAvailable();
          clearInterval(probing);
          probing = undefined;
          logger.info("database reachable again");
        },
        () => undefined,
      );
    }, PROBE_MS);
    probing.unref();
    logger.warn("database unreachable: answering 503 until it is back");
  });
  return pool;
}

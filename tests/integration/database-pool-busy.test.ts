// The app's pool tells a busy moment from an outage, on a real database: a request that waits
// for a connection while all are in use fails as "busy" (503 for that request only, the database
// stays marked available, so pages go on), and a host that accepts TCP but never answers fails
// as unreachable after the client's own connect timeout.
import net from "node:net";

import { afterAll, describe, expect, it } from "vitest";

import {
  databaseAvailability,
  isDatabaseBusyError,
  isDatabaseUnavailableError,
  markDatabaseAvailable,
} from "@/lib/db/availability";
import { createAppPool } from "@/lib/db/pool";
import { asDatabaseUnavailable } from "@/lib/errors";

const url = process.env.DATABASE_URL ?? "";
const accepted = new Set<net.Socket>();
const silent = net.createServer((socket) => accepted.add(socket));
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));

afterAll(async () => {
  markDatabaseAvailable();
  for (const socket of accepted) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe("the app's connection pool under load and outage", () => {
  it("answers busy, not unavailable, when every connection stays in use past the wait", async () => {
    const pool = createAppPool({ connectionString: url, max: 1, connectionTimeoutMillis: 300 });
    const held = await pool.connect();
    try {
      const error = await pool.query("SELECT 1").then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(isDatabaseBusyError(error)).toBe(true);
      expect(isDatabaseUnavailableError(error)).toBe(false);
      const answer = asDatabaseUnavailable(error);
      expect(answer?.status).toBe(503);
      expect(answer?.message).toMatch(/too busy/);
      expect(databaseAvailability().available).toBe(true);
    } finally {
      held.release();
    }
    // Once the connection is free again, the next request is served.
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  it("waits for a connection that is freed within the wait", async () => {
    const pool = createAppPool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
    const held = await pool.connect();
    setTimeout(() => held.release(), 200);
    expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    await pool.end();
  });

  it("fails as unreachable when a new connection gets no answer in time", async () => {
    const { port } = silent.address() as net.AddressInfo;
    const pool = createAppPool({
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      max: 1,
    });
    const started = Date.now();
    const error = await pool.query("SELECT 1").then(
      () => null,
      (reason: unknown) => reason,
    );
    // The client's own connect timeout (5 s), well before the pool's 30 s wait.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(isDatabaseUnavailableError(error)).toBe(true);
    expect(isDatabaseBusyError(error)).toBe(false);
    await pool.end().catch(() => undefined);
  }, 20_000);
});

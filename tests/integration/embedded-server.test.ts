// The embedded database's wire-protocol server (lib/db/embedded-server.ts) under concurrent
// clients: each query's messages stay together (before, two clients' extended-protocol queries
// interleaved in PGlite's one session and failed or answered with each other's rows), a
// transaction keeps the session to itself, and a client that vanishes mid-transaction leaves
// neither its changes nor a stuck session. Runs on an embedded database of its own, whatever
// database the rest of the tier uses.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { ReadyForQueryScanner } from "@/lib/db/embedded-server";

let embedded: EmbeddedDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase({});
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
  await pool.query("CREATE TABLE items (id int PRIMARY KEY, label text)");
});

afterAll(async () => {
  await pool?.end();
  await embedded?.stop();
});

describe("embedded database server", () => {
  it("answers every client its own rows when many query at once", async () => {
    // Parameterised queries of different shapes from 8 connections; every fourth carries a
    // large parameter, so its messages reach the server in several pieces, as large statements
    // of the app do.
    const big = "x".repeat(300_000);
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const shape = i % 4;
        const { rows } =
          shape === 0
            ? await pool.query("SELECT $1::int AS n", [i])
            : shape === 1
              ? await pool.query("SELECT $1::int + $2::int AS n", [i, 0])
              : shape === 2
                ? await pool.query("SELECT ($1::int * $2::int) + $3::int AS n", [i, 1, 0])
                : await pool.query("SELECT $1::int + length($2::text) - $3::int AS n", [
                    i,
                    big,
                    big.length,
                  ]);
        return rows[0]?.n as number;
      }),
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it("keeps a transaction's session to itself while other clients wait", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("INSERT INTO items VALUES (1, 'inside')");
      // Another client's read runs only after the commit, so it sees the row.
      const outside = pool.query("SELECT count(*)::int AS n FROM items WHERE id = 1");
      await new Promise((resolve) => setTimeout(resolve, 50));
      await client.query("COMMIT");
      expect((await outside).rows[0]).toEqual({ n: 1 });
    } finally {
      client.release();
    }
  });

  it("rolls back the transaction of a client that disconnects, and serves the others", async () => {
    const lost = new pg.Client({ connectionString: embedded.url });
    await lost.connect();
    await lost.query("BEGIN");
    await lost.query("INSERT INTO items VALUES (2, 'lost')");
    const waiting = pool.query("SELECT count(*)::int AS n FROM items WHERE id = 2");
    // Gone without COMMIT or ROLLBACK.
    (
      lost as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
    lost.on("error", () => undefined);
    expect((await waiting).rows[0]).toEqual({ n: 0 });
    expect((await pool.query("SELECT 1 AS ok")).rows[0]).toEqual({ ok: 1 });
  });

  it("finds the transaction status in ReadyForQuery messages split across chunks", () => {
    const message = (type: string, body: number[]) => {
      const length = body.length + 4;
      return [
        type.charCodeAt(0),
        length >>> 24,
        (length >> 16) & 255,
        (length >> 8) & 255,
        length & 255,
        ...body,
      ];
    };
    const stream = Uint8Array.from([
      ...message("1", []), // ParseComplete
      ...message("D", [0, 1, 0, 0, 0, 1, 0x5a]), // a DataRow whose value is "Z"
      ...message("C", [...Buffer.from("SELECT 1"), 0]),
      ...message("Z", ["T".charCodeAt(0)]),
    ]);
    for (const size of [1, 2, 3, 5, 7, stream.length]) {
      const scanner = new ReadyForQueryScanner();
      for (let i = 0; i < stream.length; i += size) scanner.feed(stream.subarray(i, i + size));
      expect(scanner.status, `chunks of ${size}`).toBe("T");
    }
    const none = new ReadyForQueryScanner();
    none.feed(Uint8Array.from(message("1", [])));
    expect(none.status).toBeNull();
  });
});

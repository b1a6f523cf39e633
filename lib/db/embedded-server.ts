// The embedded database's wire-protocol server: many client connections (the app's pool, the job
// queue, migrations) share PGlite's ONE session. @electric-sql/pglite-socket parses the protocol
// (PGLiteSocketHandler); the scheduling of whose message goes into the session next is ours.
//
// Why not its own server: its queue passes messages in one at a time and keeps a client's messages
// together only while a transaction is open. A query outside a transaction is several messages
// (Parse, Bind, Describe, Execute, Sync), and PostgreSQL keeps the unnamed statement and portal
// between them in the session, so two clients' queries interleaved: the second Parse replaced
// the first's statement before its Bind ("bind message supplies 34 parameters, but prepared
// statement "" requires 2", reported as a protocol violation, so the app took the database for
// unreachable), or, when the shapes matched, a client silently got another's rows. An internal
// error also left its queue stopped for good. Upstream: electric-sql/pglite issue 1046.
import net from "node:net";

import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";

type Waiting = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const READY_FOR_QUERY = 0x5a; // 'Z'
const TERMINATE = 0x58; // 'X'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

/**
 * Finds the status of the last ReadyForQuery message in a stream of backend messages (type byte,
 * 32-bit length including itself, body), fed in chunks of any size. "I": idle, no transaction;
 * "T": in a transaction; "E": in a failed transaction; null: none seen yet.
 */
export class ReadyForQueryScanner {
  status: string | null = null;
  private readonly header = new Uint8Array(5);
  private headerLength = 0;
  private remaining = 0;
  private statusNext = false;

  feed(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      if (this.remaining > 0) {
        if (this.statusNext) {
          this.status = String.fromCharCode(data[i]!);
          this.statusNext = false;
        }
        const take = Math.min(this.remaining, data.length - i);
        i += take;
        this.remaining -= take;
        continue;
      }
      this.header[this.headerLength++] = data[i++]!;
      if (this.headerLength < 5) continue;
      const length =
        ((this.header[1]! << 24) |
          (this.header[2]! << 16) |
          (this.header[3]! << 8) |
          this.header[4]!) >>>
        0;
      this.headerLength = 0;
      this.remaining = length - 4;
      this.statusNext = this.header[0] === READY_FOR_QUERY && this.remaining > 0;
    }
  }
}

/**
 * Decides whose message goes into the session next. A client that has started a query (its
 * messages so far got no ReadyForQuery back) or holds a transaction open (ReadyForQuery "T" or
 * "E") owns the session: only its messages go in until the session answers ReadyForQuery "I".
 * Other clients' messages wait, in arrival order. A client that goes away while owning the
 * session has its unfinished query ended (Sync) and its transaction rolled back.
 * Implements what PGLiteSocketHandler calls on its `queryQueue`.
 */
export class SessionScheduler {
  private readonly waiting: Waiting[] = [];
  private owner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.run();
    });
  }

  getQueueLength(): number {
    return this.waiting.length;
  }

  /** The client's connection closed: its waiting messages fail. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const item = this.waiting[i]!;
      if (item.handlerId !== handlerId) continue;
      this.waiting.splice(i, 1);
      item.reject(new Error("the client disconnected"));
    }
  }

  /** The client's connection closed: if it owned the session, the session is made idle again. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    try {
      // An unfinished extended-protocol query: Sync ends it (and an error state it may be in).
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined }),
      );
      // exec takes PGlite's lock itself (inside runExclusive it would wait for itself).
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } catch {
      // Nothing more to do for a session that refuses even this; the next client finds out.
    } finally {
      this.owner = null;
      void this.run();
    }
  }

  private next(): Waiting | undefined {
    const index =
      this.owner === null ? 0 : this.waiting.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.waiting.splice(index, 1)[0];
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        await this.pass(item);
      }
    } finally {
      this.running = false;
    }
  }

  private async pass(item: Waiting): Promise<void> {
    const scanner = new ReadyForQueryScanner();
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            scanner.feed(data);
            item.onData(data);
          },
        }),
      );
    } catch (error) {
      // The handler closes the connection on this; clearTransactionIfNeeded then frees the
      // session if this client owned it.
      this.owner = item.handlerId;
      item.reject(error);
      return;
    }
    if (item.message[0] === TERMINATE) this.owner = null;
    else if (scanner.status === "I") this.owner = null;
    else this.owner = item.handlerId;
    item.resolve(bytes);
  }
}

export type EmbeddedServer = { port: number; stop: () => Promise<void> };

/** Serves `db` on host:port (0: any free port) to at most `maxConnections` clients at once. */
export async function serveEmbedded(
  db: PGlite,
  options: { host: string; port: number; maxConnections: number },
): Promise<EmbeddedServer> {
  await db.waitReady;
  const scheduler = new SessionScheduler(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = net.createServer((socket) => {
    if (handlers.size >= options.maxConnections) {
      socket.end("Too many connections\n");
      return;
    }
    const handler = new PGLiteSocketHandler({
      // Structurally what the handler calls; its declared type is the package's own queue class.
      queryQueue: scheduler as unknown as PGLiteSocketHandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  server.maxConnections = options.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("no listening address");
  return {
    port: address.port,
    async stop() {
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

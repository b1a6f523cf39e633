// A TCP proxy the tests (and the outage bench) put between the app and a real server (PostgreSQL,
// S3) to fail the network on purpose: refuse and cut every connection, or cut them all once a
// number of bytes went upstream. Listens on a free port of 127.0.0.1.
import net from "node:net";

export type TcpProxy = {
  port: number;
  url: (scheme: string, rest?: string) => string;
  /** Cut every open connection and refuse new ones (the port stops listening). */
  cut: () => Promise<void>;
  /** Listen again on the same port. */
  restore: () => Promise<void>;
  /** Cut everything once this many more bytes went from clients to the server. */
  cutAfterBytes: (bytes: number) => void;
  /** Bytes forwarded from clients to the server so far. */
  upstreamBytes: () => number;
  close: () => Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let forwarded = 0;
  let limit = Number.POSITIVE_INFINITY;
  let server: net.Server;
  let port = 0;

  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  const onConnection = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    client.on("data", (chunk: Buffer) => {
      forwarded += chunk.length;
      if (forwarded > limit) {
        limit = Number.POSITIVE_INFINITY;
        void proxy.cut();
        return;
      }
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on("drain", () => client.resume());
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.on("end", () => upstream.end());
  };

  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer(onConnection);
      server.once("error", reject);
      server.listen(at, "127.0.0.1", () => {
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  const proxy: TcpProxy = {
    get port() {
      return port;
    },
    url: (scheme, rest = "") => `${scheme}://127.0.0.1:${port}${rest}`,
    async cut() {
      const closed = stopListening();
      destroyAll();
      await closed;
    },
    async restore() {
      await listen(port);
    },
    cutAfterBytes(bytes) {
      limit = forwarded + bytes;
    },
    upstreamBytes: () => forwarded,
    async close() {
      await proxy.cut();
    },
  };
  await listen(0);
  return proxy;
}

// Serves the app (production build, or the development server with --dev) with Next's own
// request handler behind a plain Node HTTP server, for one reason: Next passes a client-sent
// X-Forwarded-For through untouched and only adds the socket's address when the header is
// absent, so the app could not tell a forged header from a real proxy's. Here every request gets
// the address of the TCP peer appended as the LAST X-Forwarded-For entry, as any proxy does;
// lib/auth/client-address.ts then walks the list from the right and skips only the hops listed
// in TRUSTED_PROXIES. Used by the launcher (npm start / dev), the Docker image and the e2e tests.
//
// Being our own server, it is also what SIGTERM drains: it publishes itself and the responses in
// flight as globalThis.__srmHttpServer before Next loads the app, whose shutdown path
// (lib/server/lifecycle: drain this server, stop the job queue, close the pool, exit 0) owns the
// signals. Next.js installs no signal handlers of its own for a custom server.
//
// WEB_CONCURRENCY=N (production only) runs N such servers as one port's cluster: this process
// then only starts them, replaces one that dies, and passes SIGTERM and SIGINT on to them, each
// draining through its own shutdown path; it exits once they all have. Node.js renders pages on
// one thread, so one server per core is what lets a machine's other cores serve pages too.
//
//   node scripts/serve-next.mjs [--dev] [--port 3000] [--hostname 127.0.0.1]
import cluster from "node:cluster";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import next from "next";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const dev = args.includes("--dev");
const port = Number(option("--port") ?? process.env.PORT ?? 3000);
const hostname = option("--hostname");

const processes = webConcurrency(process.env.WEB_CONCURRENCY);

/** WEB_CONCURRENCY: how many servers share the port (default 1: this process serves). */
function webConcurrency(raw) {
  if (raw === undefined || raw.trim() === "") return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    process.stderr.write(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${raw}"\n`);
    process.exit(1);
  }
  return value;
}

if (!dev && processes > 1 && cluster.isPrimary) {
  superviseServers(processes);
} else {
  await serve();
}

/**
 * Starts `count` servers (this script again, as cluster workers sharing the port) and keeps them
 * running: a server that exits while no stop was asked for is replaced after a second, unless
 * servers keep dying (five within a minute), which is a fault to report, not to hide.
 */
function superviseServers(count) {
  let stopping = false;
  let exitCode = 0;
  const recentDeaths = [];
  const running = () => Object.keys(cluster.workers ?? {}).length;
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (code !== 0 && code !== null) exitCode = code;
      if (running() === 0) process.exit(exitCode);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length > 0 && now - recentDeaths[0] > 60_000) recentDeaths.shift();
    process.stderr.write(
      `server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); ` +
        (recentDeaths.length >= 5 ? "five died within a minute: stopping\n" : "starting another\n"),
    );
    if (recentDeaths.length >= 5) {
      stop("SIGTERM", 1);
      return;
    }
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, 1_000);
  });
  const stop = (signal, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (running() === 0) process.exit(exitCode);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

async function serve() {
  const server = createServer();
  const app = next({ dev, dir: root, hostname: hostname ?? "localhost", port, httpServer: server });
  const inFlight = new Set();
  globalThis.__srmHttpServer = { server, inFlight, closeApp: () => app.close() };
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();

  /** The socket peer as the last hop (IPv4-mapped IPv6 written as plain IPv4). */
  function withPeer(forwardedFor, peer) {
    const address = (peer ?? "unknown").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
    const previous = Array.isArray(forwardedFor) ? forwardedFor.join(", ") : forwardedFor;
    return previous && previous.trim() ? `${previous}, ${address}` : address;
  }

  server.on("request", (request, response) => {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
    request.headers["x-forwarded-for"] = withPeer(
      request.headers["x-forwarded-for"],
      request.socket.remoteAddress,
    );
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  server.on("upgrade", (request, socket, head) => {
    upgrade(request, socket, head).catch(() => socket.destroy());
  });

  server.listen(port, hostname, () => {
    process.stdout.write(
      `serving ${dev ? "development" : "production"} build on http://${hostname ?? "localhost"}:${port}\n`,
    );
  });

  // The app's shutdown path is installed by its instrumentation (lib/server/lifecycle/shutdown.ts,
  // state in globalThis.__srmShutdown) and does the whole job. Should it be missing (an
  // instrumentation that failed to load), stop plainly rather than ignore the signal.
  const fallbackStop = () => {
    if (globalThis.__srmShutdown?.installed) return;
    server.close();
    server.closeAllConnections();
    void app
      .close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", fallbackStop);
  process.once("SIGINT", fallbackStop);
}

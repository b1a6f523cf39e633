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
//   node scripts/serve-next.mjs [--dev] [--port 3000] [--hostname 127.0.0.1]
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

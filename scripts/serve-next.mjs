// Serves the app (production build, or the development server with --dev) with Next's own
// request handler behind a plain Node HTTP server, for one reason: Next passes a client-sent
// X-Forwarded-For through untouched and only adds the socket's address when the header is
// absent, so the app could not tell a forged header from a real proxy's. Here every request gets
// the address of the TCP peer appended as the LAST X-Forwarded-For entry, as any proxy does;
// lib/auth/client-address.ts then walks the list from the right and skips only the hops listed
// in TRUSTED_PROXIES. Used by the launcher (npm start / dev), the Docker image and the e2e tests.
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

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections?.();
  await app.close().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

import "server-only";

import type { Server, ServerResponse } from "node:http";

import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { onShutdown } from "@/lib/server/lifecycle/shutdown";

/*
 * Draining HTTP requests on SIGTERM, as a load balancer expects from a process being stopped:
 * stop accepting connections at once (new ones are refused), let the requests in flight finish
 * within HTTP_DRAIN_SECONDS, then close what is left. The HTTP server is our own
 * (scripts/serve-next.mjs, around Next's request handler): it publishes itself and the responses
 * in flight on globalThis before Next loads this code, so the drain works on it directly.
 */

/** What scripts/serve-next.mjs publishes as globalThis.__srmHttpServer. */
export type ServedHttp = {
  server: Server;
  /** Responses not yet finished (added when a request arrives, removed when it closes). */
  inFlight: Set<ServerResponse>;
  /** Next's own cleanup (the development server's watchers), once no request needs it. */
  closeApp: () => Promise<void>;
};

const CLOSE_APP_MS = 5_000;

type DrainState = { installed: boolean };
const holder = globalThis as unknown as {
  __srmHttpDrain?: DrainState;
  __srmHttpServer?: ServedHttp;
};
const state = (holder.__srmHttpDrain ??= { installed: false });

/** Registers the drain as a shutdown step (instrumentation.ts, in the app process). */
export function trackHttpRequests(): void {
  if (state.installed) return;
  state.installed = true;
  if (!holder.__srmHttpServer) {
    logger.warn(
      "the app is not served by scripts/serve-next.mjs: requests will not be drained on SIGTERM",
    );
  }
  const { HTTP_DRAIN_SECONDS } = env();
  onShutdown("http requests", () => drainHttp(HTTP_DRAIN_SECONDS * 1000));
}

export async function drainHttp(timeoutMs: number): Promise<void> {
  const served = holder.__srmHttpServer;
  if (!served) return;
  const { server, inFlight } = served;
  const started = Date.now();
  // close(): no new connections; idle keep-alive connections are closed right away.
  server.close();
  const waiting = inFlight.size;
  while (inFlight.size > 0 && Date.now() - started < timeoutMs) {
    for (const response of inFlight) {
      // Finished responses must not keep their connection open for a next request.
      if (!response.headersSent) response.setHeader("connection", "close");
    }
    server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const cut = inFlight.size;
  if (cut > 0) server.closeAllConnections();
  else server.closeIdleConnections();
  logger.info(
    { waited: waiting, cut, ms: Date.now() - started },
    cut > 0 ? "requests still running at the drain limit were cut" : "requests drained",
  );
  await Promise.race([
    served.closeApp().catch((error: unknown) => logger.warn({ err: error }, "Next.js cleanup")),
    new Promise((resolve) => setTimeout(resolve, CLOSE_APP_MS).unref()),
  ]);
}

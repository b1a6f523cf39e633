import "server-only";

import diagnostics_channel from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";

import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { installShutdownHandlers, onShutdown } from "@/lib/server/lifecycle/shutdown";

/*
 * Draining HTTP requests on SIGTERM. The launcher starts Next.js with NEXT_MANUAL_SIG_HANDLE, so
 * Next.js leaves signals to shutdown.ts; this hook does what a load balancer expects from a process
 * being stopped: stop accepting connections at once (new ones are refused), let the requests in
 * flight finish within HTTP_DRAIN_SECONDS, then close what is left. Next.js does not expose its
 * HTTP server, so it is learnt from Node's `http.server.request.start` diagnostics channel (the
 * launcher's health check is always the first request).
 */

type DrainState = { installed: boolean; servers: Set<Server>; inFlight: Set<ServerResponse> };

const holder = globalThis as unknown as { __srmHttpDrain?: DrainState };
const state = (holder.__srmHttpDrain ??= {
  installed: false,
  servers: new Set(),
  inFlight: new Set(),
});

export function trackHttpRequests(): void {
  if (state.installed) return;
  state.installed = true;
  diagnostics_channel.subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    state.servers.add(server);
    state.inFlight.add(response);
    response.once("close", () => state.inFlight.delete(response));
  });
  const { HTTP_DRAIN_SECONDS, JOBS_STOP_TIMEOUT_SECONDS } = env();
  installShutdownHandlers({
    hardLimitSeconds: Math.max(HTTP_DRAIN_SECONDS, JOBS_STOP_TIMEOUT_SECONDS) + 15,
  });
  onShutdown("http requests", () => drainHttp(HTTP_DRAIN_SECONDS * 1000));
}

export async function drainHttp(timeoutMs: number): Promise<void> {
  const started = Date.now();
  // close(): no new connections; idle keep-alive connections are closed right away.
  for (const server of state.servers) server.close();
  const waiting = state.inFlight.size;
  while (state.inFlight.size > 0 && Date.now() - started < timeoutMs) {
    for (const response of state.inFlight) {
      // Finished responses must not keep their connection open for a next request.
      if (!response.headersSent) response.setHeader("connection", "close");
    }
    for (const server of state.servers) server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const cut = state.inFlight.size;
  for (const server of state.servers) {
    if (cut > 0) server.closeAllConnections();
    else server.closeIdleConnections();
  }
  logger.info(
    { waited: waiting, cut, ms: Date.now() - started },
    cut > 0 ? "requests still running at the drain limit were cut" : "requests drained",
  );
}

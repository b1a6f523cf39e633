import "server-only";

import { closeDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { trackHttpRequests } from "@/lib/server/lifecycle/http-drain";
import { installShutdownHandlers, onShutdown } from "@/lib/server/lifecycle/shutdown";

/**
 * The shutdown path of a process (see shutdown.ts): the app process drains its HTTP server, every
 * process stops its job queue (registered by runJobQueue) and then closes the database pool. The
 * hard limit leaves room for the longer of the two drains plus the pool.
 */
export function installLifecycle({ http }: { http: boolean }): void {
  const { HTTP_DRAIN_SECONDS, JOBS_STOP_TIMEOUT_SECONDS } = env();
  installShutdownHandlers({
    hardLimitSeconds: Math.max(http ? HTTP_DRAIN_SECONDS : 0, JOBS_STOP_TIMEOUT_SECONDS) + 15,
  });
  if (http) trackHttpRequests();
  onShutdown("database pool", closeDatabase, { phase: "close" });
}

import "server-only";

import { env } from "@/lib/env";
import { startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";
import {
  installShutdownHandlers,
  isShuttingDown,
  onShutdown,
} from "@/lib/server/lifecycle/shutdown";
import { logger } from "@/lib/log/logger";

const RETRY_MS = 5_000;

/**
 * Starts this process's job queue for its lifetime: the app calls it from instrumentation.ts (work
 * unless JOBS_IN_PROCESS=false), `npm run worker` with work always on. A database that is not
 * reachable yet is retried every few seconds instead of failing the process; meanwhile
 * jobQueueStatus() reports the queue as not running. SIGTERM/SIGINT stop it in order.
 */
export async function runJobQueue({ work }: { work: boolean }): Promise<void> {
  const { JOBS_STOP_TIMEOUT_SECONDS } = env();
  installShutdownHandlers({ hardLimitSeconds: JOBS_STOP_TIMEOUT_SECONDS + 15 });
  onShutdown("job queue", () => stopJobQueue());
  for (let attempt = 1; !isShuttingDown(); attempt++) {
    try {
      await startJobQueue({ work });
      logger.info(
        { work },
        work ? "job queue started with workers" : "job queue started (sending only)",
      );
      return;
    } catch (error) {
      logger.error(
        { err: error, attempt },
        `job queue did not start; retrying in ${RETRY_MS / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

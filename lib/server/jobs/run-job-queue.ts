import "server-only";

import { logger } from "@/lib/log/logger";
import { briefError } from "@/lib/log/repeat-limiter";
import { startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";
import { isShuttingDown, onShutdown } from "@/lib/server/lifecycle/shutdown";

const RETRY_MS = 5_000;

/**
 * Starts this process's job queue for its lifetime: the app calls it from instrumentation.ts (work
 * unless JOBS_IN_PROCESS=false), `npm run worker` with work always on. A database that is not
 * reachable yet is retried every few seconds instead of failing the process; meanwhile
 * jobQueueStatus() reports the queue as not running. On SIGTERM/SIGINT the shutdown path
 * (lib/server/lifecycle, installed by the caller) stops it within JOBS_STOP_TIMEOUT_SECONDS.
 */
export async function runJobQueue({ work }: { work: boolean }): Promise<void> {
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
      // A shutdown that came during the start stops the half-started queue: not a failure.
      if (isShuttingDown()) return;
      // Briefly: a connection error of `pg` carries its whole client object.
      logger.error(
        { failure: briefError(error), attempt },
        `job queue did not start; retrying in ${RETRY_MS / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

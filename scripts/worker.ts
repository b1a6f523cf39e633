// A worker-only process: runs the background jobs (exports, schedules, purges, sweeps) and serves
// no HTTP. For installations with several processes: web processes with JOBS_IN_PROCESS=false and
// M of these, all on one PostgreSQL database. Started through the launcher:
//
//   npm run worker
//
// SIGTERM/SIGINT stop taking jobs, wait up to JOBS_STOP_TIMEOUT_SECONDS for the running ones, then
// hand the rest back to the queue (another process picks them up), close the pool and exit 0
// (lib/server/lifecycle, the same path as the app's, without the HTTP drain).
import { logger } from "@/lib/log/logger";
import { runJobQueue } from "@/lib/server/jobs/run-job-queue";
import { installLifecycle } from "@/lib/server/lifecycle/install-lifecycle";

installLifecycle({ http: false });
runJobQueue({ work: true }).catch((error: unknown) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});

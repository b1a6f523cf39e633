// Runs once when a Next.js server starts (node_modules/next/dist/docs/01-app/02-guides/
// instrumentation.md); with our own server (scripts/serve-next.mjs) that is during app.prepare(),
// before it listens. In the Node.js runtime it installs the shutdown path (drain the HTTP server,
// stop the job queue, close the pool: lib/server/lifecycle) and starts the job queue: with workers
// unless JOBS_IN_PROCESS=false, so `npm start` needs no other process. NEXT_RUNTIME is set by
// Next.js itself, not configuration, which is why it is read here rather than through lib/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { installLifecycle } = await import("@/lib/server/lifecycle/install-lifecycle");
  const { runJobQueue } = await import("@/lib/server/jobs/run-job-queue");
  installLifecycle({ http: true });
  // Not awaited: the server answers (its readiness check says the queue is not running yet) while
  // the queue waits for a database that is not reachable yet.
  void runJobQueue({ work: env().JOBS_IN_PROCESS });
}

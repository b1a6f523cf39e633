import "server-only";

import { logger } from "@/lib/log/logger";

/*
 * The one orderly exit on SIGTERM / SIGINT, for the app (served by scripts/serve-next.mjs, which
 * leaves signals to this module) and the worker process. Hooks run in two phases:
 * - "drain": side by side, each bounding its own time: the HTTP server stops accepting and
 *   finishes its requests (http-drain.ts, HTTP_DRAIN_SECONDS), the job queue stops taking jobs
 *   and hands running ones back (run-job-queue.ts, JOBS_STOP_TIMEOUT_SECONDS);
 * - "close": once nothing runs any more, the database pool closes.
 * Then the process exits with code 0. A second signal, or the hard limit, exits at once with 1.
 * Nothing else in the process handles these signals: Next.js installs its own handlers only when
 * started by its CLI (`next start`), which the app does not use.
 */

export type ShutdownPhase = "drain" | "close";

type Hook = { name: string; phase: ShutdownPhase; run: () => Promise<void> };

type ShutdownState = { hooks: Hook[]; installed: boolean; stopping: boolean; since?: number };

const holder = globalThis as unknown as { __srmShutdown?: ShutdownState };
const state = (holder.__srmShutdown ??= { hooks: [], installed: false, stopping: false });

/** Registers (or replaces, by name) a step of the shutdown. */
export function onShutdown(
  name: string,
  run: () => Promise<void>,
  { phase = "drain" }: { phase?: ShutdownPhase } = {},
): void {
  state.hooks = [...state.hooks.filter((hook) => hook.name !== name), { name, phase, run }];
}

export function isShuttingDown(): boolean {
  return state.stopping;
}

/** Runs the hooks once, phase by phase; resolves when all have settled. */
export async function runShutdownHooks(): Promise<void> {
  state.stopping = true;
  for (const phase of ["drain", "close"] as const) {
    await Promise.all(
      state.hooks
        .filter((hook) => hook.phase === phase)
        .map(async (hook) => {
          try {
            await hook.run();
          } catch (error) {
            logger.error({ err: error, hook: hook.name }, "shutdown step failed");
          }
        }),
    );
  }
}

export function installShutdownHandlers({ hardLimitSeconds }: { hardLimitSeconds: number }): void {
  if (state.installed) return;
  state.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.stopping) {
      // A terminal's Ctrl-C reaches the whole process group and a parent may pass it on as well:
      // the same signal twice at once is one request. Asked again later, exit now.
      if (Date.now() - (state.since ?? 0) < 2_000) return;
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    state.since = Date.now();
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.error({ hardLimitSeconds }, "shutdown took too long: exiting now");
      process.exit(1);
    }, hardLimitSeconds * 1000).unref();
    void runShutdownHooks().then(() => {
      logger.info("shut down");
      process.exit(0);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

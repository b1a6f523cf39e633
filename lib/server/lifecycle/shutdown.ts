import "server-only";

import { logger } from "@/lib/log/logger";

/*
 * Orderly exit on SIGTERM / SIGINT for the app and worker processes: every registered hook runs
 * (in parallel; each bounds its own time), then the process exits. A second signal, or the hard
 * limit, exits at once. The app is started with NEXT_MANUAL_SIG_HANDLE=true by the launcher, so
 * Next.js leaves the signals to this module instead of exiting as soon as its own requests are
 * done, which would cut the job queue's release of running jobs short. Hooks that drain other
 * work (e.g. HTTP requests) register here too.
 */

type Hook = { name: string; run: () => Promise<void> };

type ShutdownState = { hooks: Hook[]; installed: boolean; stopping: boolean; since?: number };

const holder = globalThis as unknown as { __srmShutdown?: ShutdownState };
const state = (holder.__srmShutdown ??= { hooks: [], installed: false, stopping: false });

export function onShutdown(name: string, run: () => Promise<void>): void {
  state.hooks = [...state.hooks.filter((hook) => hook.name !== name), { name, run }];
}

export function isShuttingDown(): boolean {
  return state.stopping;
}

/** Runs the hooks once; resolves when all have settled. */
export async function runShutdownHooks(): Promise<void> {
  state.stopping = true;
  await Promise.all(
    state.hooks.map(async (hook) => {
      try {
        await hook.run();
      } catch (error) {
        logger.error({ err: error, hook: hook.name }, "shutdown step failed");
      }
    }),
  );
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

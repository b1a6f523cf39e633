import "server-only";

import { logger } from "@/lib/log/logger";

/*
 * Orderly exit on SIGTERM / SIGINT for the app and worker processes: every registered hook runs
 * (in parallel; each bounds its own time), then the process exits. A second signal, or the hard
 * limit, exits at once.
 *
 * In the app, Next.js handles the same signals itself: it stops accepting connections, finishes
 * the requests in flight and then calls process.exit, which would cut the hooks short (a running
 * export would not be handed back, and would wait for its heartbeat to expire instead). So during
 * a shutdown, process.exit waits for the hooks to settle first: Next.js drains its requests and
 * the hooks release their work side by side, and the process ends when both are done.
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
  const exit = process.exit.bind(process);
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.stopping) {
      // A terminal's Ctrl-C reaches the whole process group and a parent may pass it on as well:
      // the same signal twice at once is one request. Asked again later, exit now.
      if (Date.now() - (state.since ?? 0) < 2_000) return;
      logger.warn({ signal }, "second signal: exiting now");
      exit(1);
    }
    state.since = Date.now();
    logger.info({ signal }, "shutting down");
    const hooksDone = runShutdownHooks();
    process.exit = ((code?: number) => {
      void hooksDone.finally(() => exit(code));
    }) as typeof process.exit;
    setTimeout(() => {
      logger.error({ hardLimitSeconds }, "shutdown took too long: exiting now");
      exit(1);
    }, hardLimitSeconds * 1000).unref();
    // Another listener of the signal (Next.js) ends the process when its own work is done; alone
    // (the worker process), this one does.
    const alone = process.listeners(signal).every((listener) => listener === onSignal);
    void hooksDone.then(() => {
      logger.info("shut down");
      if (alone) exit(0);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while hydrating, true once the page runs in the browser. The charts
 * size themselves to their container, which has no size on the server: rendering recharts there
 * only produced an empty box at a real CPU cost on every request, so they wait for the browser.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

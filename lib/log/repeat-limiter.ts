/*
 * Holds back log lines that repeat. A dependency that fails on every poll (the job queue while the
 * database is away: one error per worker and interval) would otherwise write the same line many
 * times a second; the first of a kind is logged, then at most one line per window, carrying how
 * many were held back since.
 */

export type RepeatDecision = { log: boolean; suppressed: number };

export function createRepeatLimiter({
  windowMs,
  now = Date.now,
}: {
  windowMs: number;
  now?: () => number;
}): (key: string) => RepeatDecision {
  const seen = new Map<string, { loggedAt: number; suppressed: number }>();
  return (key) => {
    const at = now();
    const entry = seen.get(key);
    if (entry && at - entry.loggedAt < windowMs) {
      entry.suppressed += 1;
      return { log: false, suppressed: entry.suppressed };
    }
    seen.set(key, { loggedAt: at, suppressed: 0 });
    // Keys are few (error messages); forget the stale ones so the map cannot grow without end.
    if (seen.size > 100) {
      for (const [other, value] of seen) if (at - value.loggedAt >= windowMs) seen.delete(other);
    }
    return { log: true, suppressed: entry?.suppressed ?? 0 };
  };
}

/**
 * An error in one short, safe shape: its message and code. Errors from `pg` carry the whole client
 * (connection parameters, the backend's secret key, buffers) as an enumerable property, which the
 * logger's error serializer would write out in full.
 */
export function briefError(error: unknown): { message: string; code?: string } {
  if (error && typeof error === "object") {
    const { message, code } = error as { message?: unknown; code?: unknown };
    return {
      message: typeof message === "string" ? message : Object.prototype.toString.call(error),
      ...(typeof code === "string" ? { code } : {}),
    };
  }
  return { message: String(error) };
}

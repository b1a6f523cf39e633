// Whether the database is reachable, as this process last saw it, and which errors mean it is not.
// No database imports here: proxy.ts reads the state to answer pages with 503 without touching the
// database, and lib/errors.ts classifies errors with it. The state lives on globalThis because the
// proxy and the route handlers are bundled apart but run in one process.

export const DATABASE_RETRY_AFTER_SECONDS = 5;

type AvailabilityState = {
  unavailableSince: number | null;
  reason: string | null;
  listeners: Set<() => void>;
};

const holder = globalThis as unknown as { __srmDatabaseAvailability?: AvailabilityState };
const state = (holder.__srmDatabaseAvailability ??= {
  unavailableSince: null,
  reason: null,
  listeners: new Set(),
});

export function databaseAvailability(): {
  available: boolean;
  since: Date | null;
  reason: string | null;
} {
  return {
    available: state.unavailableSince === null,
    since: state.unavailableSince === null ? null : new Date(state.unavailableSince),
    reason: state.reason,
  };
}

/** Called when a connection-level failure is seen; the database client then probes until back. */
export function markDatabaseUnavailable(reason: string): void {
  const first = state.unavailableSince === null;
  state.unavailableSince ??= Date.now();
  state.reason = reason;
  if (first) for (const listener of state.listeners) listener();
}

export function markDatabaseAvailable(): void {
  state.unavailableSince = null;
  state.reason = null;
}

export function onDatabaseUnavailable(listener: () => void): void {
  state.listeners.add(listener);
}

// Prisma's codes for an unreachable server, a closed connection and a pool that could not hand out
// a connection in time; Node's socket errors; PostgreSQL's SQLSTATEs for a server shutting down,
// starting up, refusing connections (53300: too many) and connection exceptions (class 08).
const CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
// Driver-adapter error kinds that mean the connection, not the query, failed.
const KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
const MESSAGES =
  /can't reach database server|connection terminated|server has closed the connection|terminating connection|the database system is (starting up|shutting down|in recovery mode)|timeout expired|connection refused|Connection is closed|Client has encountered a connection error/i;

// node-postgres's pool says this when a request waited its whole allowance for a connection while
// every one of them was in use: the database answers, the app is busy. Not an outage (a new
// connection that cannot be made in time fails with "timeout expired", above).
const BUSY_MESSAGE = /timeout exceeded when trying to connect/i;

/** True when the pool had no free connection in time: overload, not an outage. */
export function isDatabaseBusyError(error: unknown): boolean {
  return someCause(
    error,
    (record) => typeof record.message === "string" && BUSY_MESSAGE.test(record.message),
  );
}

function someCause(error: unknown, test: (record: { message?: unknown }) => boolean): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as {
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (test(record)) return true;
    current = record.cause ?? record.meta?.driverAdapterError;
  }
  return false;
}

/** True for errors that say the database cannot be reached, as opposed to a failing query. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  return someCause(error, (record) => {
    const { code, kind, message } = record as { code?: unknown; kind?: unknown; message?: unknown };
    if (typeof code === "string" && (CODES.has(code) || /^08/.test(code))) return true;
    if (typeof kind === "string" && KINDS.has(kind)) return true;
    return typeof message === "string" && MESSAGES.test(message);
  });
}

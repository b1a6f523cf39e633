// Expected errors carry an HTTP status and a stable code. Services throw them; the action chain
// (lib/actions/safe-action.ts) and the REST wrapper (lib/server/api/route.ts) turn them into their
// error shapes with the two helpers at the bottom. Anything else is a bug: it is logged with its
// stack and the caller only sees a generic message, so internals never leak.

import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseBusyError,
  isDatabaseUnavailableError,
  markDatabaseUnavailable,
} from "@/lib/db/availability";
import { logger } from "@/lib/log/logger";

export type FieldErrors = Record<string, string[]>;

export type ErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    /** Machine-readable context for the client (e.g. the duties a change would remove). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input. `fieldErrors` names the fields (form field names / JSON keys) and what is wrong. */
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super("VALIDATION_FAILED", 400, message);
  }

  static forField(field: string, message: string): ValidationError {
    return new ValidationError(message, { [field]: [message] });
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super("UNAUTHORIZED", 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this.") {
    super("FORBIDDEN", 403, message);
  }
}

/** Also the answer for rows of another workspace: their existence is never confirmed. */
export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super("NOT_FOUND", 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("CONFLICT", 409, message, details);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", 429, message);
  }
}

/** The database cannot be reached (an outage, a restart): try again in a few seconds. */
export class DatabaseUnavailableError extends AppError {
  readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS;
  constructor(
    message = "The database is not reachable at the moment. Nothing was changed; please try again in a few seconds.",
  ) {
    super("UNAVAILABLE", 503, message);
  }
}

/**
 * The one place where connection-level failures become a typed error: the action chain, the REST
 * API and the cookie routes all map errors through here. Also starts the database client's probe
 * so pages answer 503 (proxy.ts) until the database is back.
 */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  // Every connection busy for the pool's whole wait: this request is refused the same way, but
  // the database is up, so pages and other requests go on being served.
  if (isDatabaseBusyError(error)) return new DatabaseUnavailableError(BUSY_MESSAGE);
  if (!isDatabaseUnavailableError(error)) return null;
  markDatabaseUnavailable(error instanceof Error ? (error.message.split("\n")[0] ?? "") : "");
  return new DatabaseUnavailableError();
}

const BUSY_MESSAGE =
  "The app is too busy to answer at the moment. Nothing was changed; please try again in a few seconds.";

export const GENERIC_ERROR_MESSAGE = "Something went wrong. Nothing was changed; please try again.";

/** What a server action returns as `result.serverError`. JSON-serialisable by design. */
export type ActionError = {
  code: ErrorCode;
  message: string;
  status: number;
  fieldErrors?: FieldErrors;
  details?: Record<string, unknown>;
};

export function toActionError(error: unknown): ActionError {
  const unavailable = asDatabaseUnavailable(error);
  if (unavailable) {
    logger.warn({ reason: (error as Error).message?.split("\n")[0] }, "database unavailable");
    return { code: unavailable.code, message: unavailable.message, status: unavailable.status };
  }
  if (error instanceof ValidationError) {
    return {
      code: error.code,
      message: error.message,
      status: error.status,
      fieldErrors: error.fieldErrors,
    };
  }
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      status: error.status,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  logger.error({ err: error }, "unexpected error");
  return { code: "INTERNAL", message: GENERIC_ERROR_MESSAGE, status: 500 };
}

/** The REST API's error body: `{ "error": { "code", "message", "fields"? } }`. */
export type ApiErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldErrors;
    details?: Record<string, unknown>;
  };
};

export function toApiErrorResponse(error: unknown): Response {
  const mapped = toActionError(error);
  const body: ApiErrorBody = {
    error: {
      code: mapped.code,
      message: mapped.message,
      ...(mapped.fieldErrors && Object.keys(mapped.fieldErrors).length > 0
        ? { fields: mapped.fieldErrors }
        : {}),
      ...(mapped.details ? { details: mapped.details } : {}),
    },
  };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
  if (mapped.code === "UNAVAILABLE") headers["retry-after"] = String(DATABASE_RETRY_AFTER_SECONDS);
  if (error instanceof UnauthorizedError) headers["www-authenticate"] = 'Bearer realm="api"';
  return Response.json(body, { status: mapped.status, headers });
}

/** Turns zod issues into field errors keyed by the first path segment ("" → form-level). */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

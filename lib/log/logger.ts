import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

import { type LogSettings, logSettings } from "@/lib/env";
import { requestLogFields } from "@/lib/log/request-context";

export type { Logger };

/*
 * One structured logger for every process (web, worker, command-line tools): JSON lines in
 * production, readable lines in development. Secrets never reach a log line: the paths below are
 * censored wherever they appear in a logged object, and callers log ids, never credentials.
 * Pretty output is a stream in this thread (not a pino transport), because transports run in a
 * worker thread whose module path the Next.js server bundle cannot resolve.
 */

const REDACTED_KEYS = [
  "password",
  "passwordHash",
  "token",
  "tokenHash",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "AUTH_SECRET",
  "OIDC_CLIENT_SECRET",
  "S3_SECRET_ACCESS_KEY",
  "SMTP_URL",
  "DATABASE_URL",
];

const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [
  `["${key}"]`,
  `*["${key}"]`,
  `*.*["${key}"]`,
  `headers["${key}"]`,
  `req.headers["${key}"]`,
]);

/** The app's logger; tests pass a destination to read what it writes. */
export function createLogger(
  settings: LogSettings = logSettings(),
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: settings.level,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    // The request id and workspace id of the request being served, if any (request-context.ts).
    mixin: requestLogFields,
  };
  if (!settings.pretty) return destination ? pino(options, destination) : pino(options);
  const output = pretty({
    colorize: !destination && process.stdout.isTTY,
    sync: true,
    ignore: "pid",
    ...(destination ? { destination } : {}),
  });
  return pino(options, output);
}

// One per process, kept on globalThis because Next.js may load this module more than once.
const holder = globalThis as unknown as { __srmLogger?: Logger };

export const logger: Logger = (holder.__srmLogger ??= createLogger());

import { z } from "zod";

// The only place that reads process.env (conventions: validated configuration in one module).
// A wrong or missing value stops start-up with a message naming the variable.

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: 'expected one of "true", "false", "1", "0", "yes", "no"',
  })
  .transform((value) => ["true", "1", "yes"].includes(value));

const optionalUrl = z.url({ error: "expected a URL such as https://example.com" }).optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (the launcher sets it in embedded mode)" })
    .regex(/^postgres(ql)?:\/\//, {
      error: "expected a PostgreSQL URL such as postgresql://user:password@host:5432/database",
    }),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "expected a whole number" })
    .int({ error: "expected a whole number" })
    .min(1, { error: "expected at least 1" })
    .max(100, { error: "expected at most 100" })
    .default(10),
  PORT: z.coerce
    .number({ error: "expected a port number" })
    .int({ error: "expected a port number" })
    .min(1, { error: "expected a port between 1 and 65535" })
    .max(65535, { error: "expected a port between 1 and 65535" })
    .default(3000),
  APP_URL: optionalUrl,
  AUTH_SECRET: z
    .string({ error: "is required: a random string of at least 32 characters" })
    .min(32, { error: "expected at least 32 characters" }),
  DATA_DIR: z.string().min(1).default(".data"),
  EVIDENCE_DIR: z.string().min(1).optional(),
  EVIDENCE_MAX_BYTES: z.coerce
    .number({ error: "expected a size in bytes" })
    .int({ error: "expected a size in bytes" })
    .positive({ error: "expected a positive size in bytes" })
    .default(50 * 1024 * 1024),
  EXPIRING_SOON_DAYS: z.coerce
    .number({ error: "expected a number of days" })
    .int({ error: "expected a number of days" })
    .min(1, { error: "expected at least 1 day" })
    .default(30),
  EXPORT_RETENTION_DAYS: z.coerce
    .number({ error: "expected a number of days" })
    .int({ error: "expected a number of days" })
    .min(1, { error: "expected at least 1 day" })
    .default(30),
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: "expected smtp:// or smtps:// URL" })
    .optional(),
  SMTP_FROM: z.string().min(3).optional(),
  SEED_DEMO: booleanFlag.optional(),
  SECURE_COOKIES: booleanFlag.optional(),
  // Background jobs (lib/server/jobs/): workers run inside the app unless this is false; then
  // `npm run worker` processes run them.
  JOBS_IN_PROCESS: booleanFlag.default(true),
  JOBS_STOP_TIMEOUT_SECONDS: z.coerce
    .number({ error: "expected a number of seconds" })
    .int({ error: "expected a whole number of seconds" })
    .min(1, { error: "expected at least 1 second" })
    .max(600, { error: "expected at most 600 seconds" })
    .default(10),
  // When the daily coverage snapshot is taken (UTC). The first snapshot of a day is kept.
  COVERAGE_SNAPSHOT_CRON: z
    .string()
    .trim()
    .regex(/^\S+( \S+){4}$/, {
      error: 'expected a cron expression of five fields (UTC), e.g. "5 0 * * *"',
    })
    .default("5 0 * * *"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

function emptyToUndefined(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(emptyToUndefined(source));
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const value = result.data;
  const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new EnvError([
      "OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three to enable single sign-on, or none",
    ]);
  }
  return value;
}

const logSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z
    .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], {
      error: "expected one of trace, debug, info, warn, error, fatal, silent",
    })
    .default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"], { error: 'expected "json" or "pretty"' }).optional(),
});

export type LogSettings = { level: z.infer<typeof logSchema>["LOG_LEVEL"]; pretty: boolean };

/**
 * The logger's own settings, parsed apart from the rest: the logger must work in processes that
 * have no database or secret configured (the build, command-line tools), where env() would fail.
 */
export function parseLogSettings(source: Record<string, string | undefined>): LogSettings {
  const result = logSchema.safeParse(emptyToUndefined(source));
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const { NODE_ENV, LOG_LEVEL, LOG_FORMAT } = result.data;
  return {
    level: LOG_LEVEL,
    pretty: (LOG_FORMAT ?? (NODE_ENV === "development" ? "pretty" : "json")) === "pretty",
  };
}

export function logSettings(): LogSettings {
  return parseLogSettings(process.env);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function appUrl(): string {
  const value = env();
  return (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/$/, "");
}

export function oidcEnabled(): boolean {
  return Boolean(env().OIDC_ISSUER);
}

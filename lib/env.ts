import { z } from "zod";

// The only place that reads process.env (conventions: validated configuration in one module).
// A wrong or missing value stops start-up with a message naming the variable.

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: 'expected one of "true", "false", "1", "0", "yes", "no"',
  })
  .transform((value) => ["true", "1", "yes"].includes(value));

const optionalUrl = z.url({ error: "expected a URL such as https://example.com" }).optional();

const proxyEntry = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/**
 * TRUSTED_PROXIES: the reverse proxies in front of the app, as IP addresses or CIDR ranges
 * separated by commas or spaces (e.g. "10.0.0.0/8, 127.0.0.1"). Only these hops of
 * X-Forwarded-For are believed (lib/auth/client-address.ts); the default trusts none, so the
 * client address is the TCP peer.
 */
const trustedProxies = z
  .string()
  .optional()
  .transform((value, context) => {
    const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
    for (const entry of entries) {
      if (!proxyEntry.safeParse(entry).success) {
        context.addIssue({
          code: "custom",
          message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8 or ::1)`,
        });
      }
    }
    return entries;
  });

const cronExpression = z
  .string()
  .trim()
  .regex(/^\S+( \S+){4}$/, {
    error: 'expected a cron expression of five fields (UTC), e.g. "5 0 * * *"',
  });

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
  // Signs the audit chain (lib/server/audit/audit-key.ts). Unset: derived from AUTH_SECRET; set
  // it (the launcher generates one in embedded mode) so AUTH_SECRET can be rotated on its own.
  AUDIT_SECRET: z.string().min(32, { error: "expected at least 32 characters" }).optional(),
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
  TRUSTED_PROXIES: trustedProxies,
  SECURE_COOKIES: booleanFlag.optional(),
  STORAGE_DRIVER: z
    .enum(["local", "s3"], { error: 'expected "local" (a folder under DATA_DIR) or "s3"' })
    .default("local"),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().min(1).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: "expected a bucket name of 3-63 lower-case letters, digits, dots and hyphens",
    })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  // Background jobs (lib/server/jobs/): workers run inside the app unless this is false; then
  // `npm run worker` processes run them.
  JOBS_IN_PROCESS: booleanFlag.default(true),
  JOBS_STOP_TIMEOUT_SECONDS: z.coerce
    .number({ error: "expected a number of seconds" })
    .int({ error: "expected a whole number of seconds" })
    .min(1, { error: "expected at least 1 second" })
    .max(600, { error: "expected at most 600 seconds" })
    .default(10),
  // On SIGTERM, how long requests in flight may take to finish before their connections are cut.
  HTTP_DRAIN_SECONDS: z.coerce
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
  // Notifications (lib/server/notifications/): how often the e-mails of IMMEDIATE notifications
  // go out, when the daily digest is sent, and how often due dates and expiries are scanned (UTC).
  NOTIFICATION_EMAIL_CRON: cronExpression.default("* * * * *"),
  NOTIFICATION_DIGEST_CRON: cronExpression.default("0 7 * * *"),
  NOTIFICATION_REMINDER_CRON: cronExpression.default("20 * * * *"),
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

// Discovery, keys and the code exchange all travel to the issuer: over the network that must be
// TLS. A provider on the loopback interface never leaves the machine (local trials, the e2e tests).
function secureIssuer(issuer: string): boolean {
  const url = new URL(issuer);
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(emptyToUndefined(source));
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const value = result.data;
  if (value.OIDC_ISSUER && !secureIssuer(value.OIDC_ISSUER)) {
    throw new EnvError([
      "OIDC_ISSUER: use an https:// URL (http:// is accepted only for a provider on this machine: localhost, 127.0.0.1 or [::1])",
    ]);
  }
  const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new EnvError([
      "OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three to enable single sign-on, or none",
    ]);
  }
  if (value.STORAGE_DRIVER === "s3") {
    // The endpoint may be left out for AWS itself (the SDK derives it from the region).
    const required = [
      "S3_REGION",
      "S3_BUCKET",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
    ] as const;
    const missing = required.filter((name) => !value[name]);
    if (missing.length > 0) {
      throw new EnvError(missing.map((name) => `${name}: is required when STORAGE_DRIVER=s3`));
    }
  }
  return value;
}

export type S3Settings = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

/** The S3 driver's settings; parseEnv has already checked that they are complete. */
export function s3Settings(value: Env = env()): S3Settings {
  return {
    endpoint: value.S3_ENDPOINT,
    region: value.S3_REGION ?? "",
    bucket: value.S3_BUCKET ?? "",
    accessKeyId: value.S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: value.S3_SECRET_ACCESS_KEY ?? "",
    // Most self-hosted stores (MinIO and the like) serve buckets as paths, not sub-domains.
    forcePathStyle: value.S3_FORCE_PATH_STYLE ?? Boolean(value.S3_ENDPOINT),
  };
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

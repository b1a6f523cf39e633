import { createHash } from "node:crypto";

// The hashed form of an audit event. Every field that matters is included, prevHash too, so
// changing, reordering or removing any stored event breaks the chain. Keys are sorted at every
// level because PostgreSQL's jsonb does not keep the key order it was given.

export const GENESIS_HASH = "0".repeat(64);

export type HashedEventFields = {
  workspaceId: string;
  seq: number;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  diff: unknown;
  createdAt: Date;
  prevHash: string;
};

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function hashAuditEvent(event: HashedEventFields): string {
  const canonical = canonicalJson({ ...event, createdAt: event.createdAt.toISOString() });
  return createHash("sha256").update(canonical).digest("hex");
}

const SECRET_KEY = /password|secret|token(hash)?$|tokenhash|hash$|credential|apikey/i;

/**
 * Prepares a diff for storage: drops any key that could hold a secret (password hashes, token
 * secrets and hashes), turns dates into ISO strings and removes undefined values, so the stored
 * JSON is exactly what was hashed.
 */
export function sanitiseDiff(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== "object") return value === undefined ? null : value;
  if (Array.isArray(value)) return value.map(sanitiseDiff);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined || SECRET_KEY.test(key)) continue;
    result[key] = sanitiseDiff(item);
  }
  return result;
}

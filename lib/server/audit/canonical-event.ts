import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

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

// The keyed half of the chain. The hash chain above is public: anyone (an auditor offline, but
// also anyone with write access to the database) can recompute it. Each event also carries a
// signature of its hash under the server's audit key (lib/server/audit/audit-key.ts), which only
// the server (or whoever holds the key) can make or check. As every hash covers the previous
// one, a valid signature on an event vouches for the whole chain up to it.

export const AUDIT_MAC_VERSION = "v1";

/**
 * The audit key from the configured secrets: AUDIT_SECRET when set (generated into the data
 * directory in embedded mode, like AUTH_SECRET), else derived from AUTH_SECRET so an existing
 * installation signs from its next event on without new configuration. One definition, used by
 * the server and by `npm run export:verify --audit-key-file`.
 */
export function auditKeyFromSecrets(secrets: {
  AUDIT_SECRET?: string | null;
  AUTH_SECRET?: string | null;
}): Uint8Array {
  if (secrets.AUDIT_SECRET) return Buffer.from(secrets.AUDIT_SECRET, "utf8");
  if (!secrets.AUTH_SECRET)
    throw new Error("no AUDIT_SECRET or AUTH_SECRET to derive the audit key from");
  return new Uint8Array(hkdfSync("sha256", secrets.AUTH_SECRET, "", "ai-srm-audit-key", 32));
}

/** A short public name for a key (never the key): which key signed an event. */
export function auditKeyId(key: Uint8Array): string {
  return createHash("sha256").update("ai-srm-audit-key-id:").update(key).digest("hex").slice(0, 12);
}

export function signAuditHash(key: Uint8Array, hash: string): string {
  const mac = createHmac("sha256", key).update(`ai-srm-audit-event:${hash}`).digest("hex");
  return `${AUDIT_MAC_VERSION}:${auditKeyId(key)}:${mac}`;
}

export type MacCheck = "valid" | "invalid" | "other-key" | "malformed";

/** Checks an event's stored signature against its hash, under `key`. */
export function checkAuditMac(key: Uint8Array, hash: string, mac: string): MacCheck {
  const [version, keyId, value] = mac.split(":");
  if (version !== AUDIT_MAC_VERSION || !keyId || !value || !/^[0-9a-f]{64}$/.test(value))
    return "malformed";
  if (keyId !== auditKeyId(key)) return "other-key";
  const expected = Buffer.from(signAuditHash(key, hash).split(":")[2] ?? "", "hex");
  return timingSafeEqual(expected, Buffer.from(value, "hex")) ? "valid" : "invalid";
}

/**
 * Follows the signatures along a chain (events in seq order). Events recorded before keyed audit
 * existed carry none; once one event is signed, every later one must be, or signatures were
 * stripped. With a key every signature is checked; without one (an auditor offline) they are
 * only counted. Returns a problem for the event, or null.
 */
export function createSignatureTracker(key: Uint8Array | null) {
  let unsigned = 0;
  let firstSigned: number | null = null;
  let lastSigned: number | null = null;
  const keyIds = new Set<string>();
  return {
    push(event: { seq: number; hash: string; mac?: string | null }): string | null {
      if (!event.mac) {
        if (firstSigned !== null)
          return `is not signed although event ${firstSigned} and later ones are (a signature was removed)`;
        unsigned += 1;
        return null;
      }
      firstSigned ??= event.seq;
      lastSigned = event.seq;
      const keyId = macKeyId(event.mac);
      if (keyId) keyIds.add(keyId);
      if (!key) return null;
      const check = checkAuditMac(key, event.hash, event.mac);
      if (check === "valid") return null;
      if (check === "other-key") return `is signed with another audit key (${keyId})`;
      if (check === "malformed") return "has a malformed signature";
      return "signature does not match: the event was changed and re-hashed without the audit key";
    },
    finish() {
      return { unsigned, firstSigned, lastSigned, keyIds: [...keyIds], checked: key !== null };
    },
  };
}
export type SignatureSummary = ReturnType<ReturnType<typeof createSignatureTracker>["finish"]>;

/** The key id named in a stored signature, or null. */
export function macKeyId(mac: string | null | undefined): string | null {
  return mac?.split(":")[1] ?? null;
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

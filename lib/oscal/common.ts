// Building blocks shared by the OSCAL writers (docs/oscal.md): the version we write, our property
// namespace, deterministic UUIDs and the string rules of OSCAL's datatypes. Pure, no I/O.
import { createHash } from "node:crypto";

export const OSCAL_VERSION = "1.2.1";

/**
 * The namespace of our own `props` (and of our own `parts` in catalogs). A URN, so it never
 * depends on a domain name we would have to keep: it names, it is not fetched.
 */
export const SRM_NS = "urn:ai-srm-workspace:oscal";

/**
 * The UUID v5 namespace of every UUID we derive. Fixed forever: changing it would give every
 * exported object a new identity.
 */
export const UUID_NAMESPACE = "6f0c0e2a-9b3d-4c5e-8f7a-1d2b3c4d5e6f";

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll("-", ""), "hex");
}

/** RFC 9562 UUID version 5 (SHA-1, name-based): the same name always gives the same UUID. */
export function uuidV5(name: string, namespace: string = UUID_NAMESPACE): string {
  const hash = createHash("sha1").update(uuidBytes(namespace)).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable UUID for one of our objects: kind plus the ids that identify it. */
export function stableUuid(kind: string, ...ids: string[]): string {
  return uuidV5(`${kind}:${ids.join("\u0000")}`);
}

/**
 * OSCAL string and markup-line values: one line, no surrounding white space, never empty.
 * Returns null when nothing is left, so callers leave the field out instead of writing "".
 */
export function line(value: string | null | undefined): string | null {
  const collapsed = (value ?? "").replace(/\s+/g, " ").trim();
  return collapsed === "" ? null : collapsed;
}

/** Multi-line markup: kept as written, but never blank. */
export function prose(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * An OSCAL token (ids, prop names): a letter or underscore first, then letters, digits, ".", "-"
 * or "_". Our keys are already in that alphabet but may start with a digit; those get a "_".
 */
export function token(key: string): string {
  const cleaned = key.replace(/[^\p{L}\p{N}._-]/gu, "_");
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}

export type OscalProp = { name: string; value: string; ns?: string; class?: string };

/** One of our properties; null or blank values give no property at all. */
export function prop(name: string, value: string | number | boolean | null | undefined) {
  if (value === null || value === undefined) return [];
  const text = line(String(value));
  return text === null ? [] : [{ name, ns: SRM_NS, value: text } satisfies OscalProp];
}

/** OSCAL arrays must have at least one item when present: drop empty ones. */
export function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** An enum value as a lowercase token: NOT_STARTED -> not-started. */
export function enumToken(value: string): string {
  return value.toLowerCase().replaceAll("_", "-");
}

/** Drops undefined members so the JSON stays compact and byte-for-byte stable. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && value !== null),
  ) as T;
}

/** Two-space JSON with a final newline: the bytes of every OSCAL file we write. */
export function serialiseOscal(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

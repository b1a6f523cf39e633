import "server-only";

import { env } from "@/lib/env";
import { auditKeyFromSecrets } from "@/lib/server/audit/canonical-event";

let cached: Uint8Array | undefined;

/** This server's audit key (AUDIT_SECRET, or derived from AUTH_SECRET): signs every event. */
export function auditKey(): Uint8Array {
  cached ??= auditKeyFromSecrets(env());
  return cached;
}

import { createHash, randomBytes } from "node:crypto";

// API tokens are 256 random bits, so a fast hash (SHA-256) is enough to store them: there is
// nothing to brute-force. The first characters are kept in clear as the visible prefix.
export const TOKEN_PREFIX = "srm_";
const VISIBLE_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export function generateTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH), hash: hashTokenSecret(secret) };
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

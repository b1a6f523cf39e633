import { createHash, randomBytes } from "node:crypto";

// The secret a session cookie carries: 256 random bits, so a fast hash is enough to store it
// (there is nothing to brute-force), and the stored hash cannot be turned back into a cookie.

export function generateSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

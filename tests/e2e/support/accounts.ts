import { randomBytes } from "node:crypto";

// Passwords for accounts the end-to-end tests create. Random per call, always valid under the
// app's password rule (at least 15 characters, no composition rule, not on the common list):
// three fixed words keep it long and unlike any listed password, the random tail keeps it unique.
// tests/unit/password-policy.test.ts checks a few thousand of them against the real rule.
export function uniquePassword(): string {
  return `orchard lantern quietly ${randomBytes(6).toString("base64url")}`;
}

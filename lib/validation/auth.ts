import { z } from "zod";

// Shared by the sign-in/sign-up forms, their server actions and the invitation flow. The rules are
// listed once (PASSWORD_RULES) so the form shows exactly what the server enforces.
//
// Password rules follow NIST SP 800-63B (rev. 4, section 3.1.1.2): a password that is the only
// factor has at least 15 characters, every character counts (spaces and any Unicode letter
// included), there are no composition rules ("a digit or a symbol"), and the password is
// compared with a list of common and breached passwords. That list check is server-side
// (lib/auth/password-policy.ts) so the list never reaches the browser.

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULES = [
  `At least ${PASSWORD_MIN_LENGTH} characters: a passphrase of a few unrelated words works well`,
  `At most ${PASSWORD_MAX_LENGTH} characters; spaces and any letters are fine, no digits or symbols required`,
  "Not a common or breached password, and not your e-mail address",
] as const;

/** Characters as a person counts them (code points), so an emoji or accented letter counts once. */
export function passwordLength(value: string): number {
  return [...value].length;
}

export const emailSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your e-mail address." })
  .max(254, { error: "That e-mail address is too long." })
  .pipe(z.email({ error: "Enter a valid e-mail address, such as name@example.com." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .refine((value) => value.length > 0, { error: "Enter a password.", abort: true })
  .refine((value) => passwordLength(value) >= PASSWORD_MIN_LENGTH, {
    error: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    abort: true,
  })
  .refine((value) => passwordLength(value) <= PASSWORD_MAX_LENGTH, {
    error: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  });

export const personNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, { error: "Enter your name." })
  .max(100, { error: "Use at most 100 characters." });

export const signInSchema = z.object({
  email: emailSchema,
  // Sign-in never reveals the rules (an old password may predate them); it only needs a value.
  password: z
    .string({ error: "Enter your password." })
    .min(1, { error: "Enter your password." })
    .max(PASSWORD_MAX_LENGTH * 4),
  callbackUrl: z.string().max(2000).optional(),
});

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: z.string().trim().max(80, { error: "Use at most 80 characters." }).optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;

// C0 controls, DEL and C1 controls: browsers drop tabs and line breaks from URLs (so "/\t/evil"
// becomes "//evil", another host), and a CR or LF in a Location header is a response-splitting
// attempt that the server refuses with a 500.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The path to follow after sign-in, or `fallback`. The value is resolved the way a browser would,
 * against the app's own origin (`APP_URL`), and kept only when it stays on that origin: absolute
 * URLs to other hosts, protocol-relative `//host`, backslash tricks and any control character are
 * refused. Returns path, query and fragment only, so the redirect never names a host.
 */
export function safeCallbackPath(
  value: string | null | undefined,
  { origin, fallback = "/w" }: { origin: string; fallback?: string },
): string {
  if (!value || value.length > 2000 || CONTROL_CHARACTER.test(value)) return fallback;
  // Only paths: a full URL, even to our own origin, is not something our pages ever send.
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(origin);
    resolved = new URL(value, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base.origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The normalised path must still be a single-slash path (e.g. "/./" tricks that end up as "//").
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

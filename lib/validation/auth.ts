import { z } from "zod";

// Shared by the sign-in/sign-up forms, their server actions and the invitation flow. The rules are
// listed once (PASSWORD_RULES) so the form shows exactly what the server enforces.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULES = [
  `At least ${PASSWORD_MIN_LENGTH} characters (a passphrase of a few words works well)`,
  `At most ${PASSWORD_MAX_LENGTH} characters`,
  "At least one letter and at least one digit or symbol",
] as const;

export const emailSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your e-mail address." })
  .max(254, { error: "That e-mail address is too long." })
  .pipe(z.email({ error: "Enter a valid e-mail address, such as name@example.com." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` })
  .refine((value) => /\p{L}/u.test(value), { error: "Include at least one letter." })
  .refine((value) => /[\p{N}\p{P}\p{S}]/u.test(value), {
    error: "Include at least one digit or symbol.",
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

/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/w"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}

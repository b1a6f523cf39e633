import "server-only";

import { dictionary } from "@zxcvbn-ts/language-common";

import { ValidationError } from "@/lib/errors";

// The blocklist half of the password rule (lib/validation/auth.ts has the length half). NIST SP
// 800-63B asks verifiers to refuse passwords found in breach corpora, dictionary words and
// context-specific words. The list is the "passwords-common" frequency list shipped by
// @zxcvbn-ts/language-common (MIT): about 49,000 of the passwords seen most often in published
// leaked-password lists. Its long entries (qazwsxedcrfvtgb, 1qaz2wsx3edc4rfv…) are the ones the
// length rule does not already stop; short entries still matter once padded ("password" + digits).

export const COMMON_PASSWORD =
  "This password appears in lists of common or breached passwords. Choose another one, for example a few unrelated words.";
export const CONTEXT_PASSWORD =
  "Do not use your e-mail address or name as your password. Choose a few unrelated words instead.";
export const REPETITIVE_PASSWORD =
  "This password is a repeated or sequential pattern. Choose a few unrelated words instead.";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return common;
}

// Lower case, compatibility forms folded (full-width letters, ligatures) and spaces removed, so
// "Pass word" and "ＰＡＳＳＷＯＲＤ" compare like "password".
function fold(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

function isRepetitiveOrSequential(folded: string): boolean {
  const chars = [...folded];
  if (chars.length === 0) return true;
  // One short unit repeated ("abcabcabcabcabc", "aaaaaaaaaaaaaaa").
  for (let unit = 1; unit <= 4; unit++) {
    const head = chars.slice(0, unit).join("");
    if (head.repeat(Math.ceil(chars.length / unit)).slice(0, folded.length) === folded) return true;
  }
  // A run that only ever steps by +1 or -1 ("123456789012345" steps back at 9→0, so it counts
  // steps modulo 10 for digits).
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  const step = (a: number, b: number) =>
    a >= 48 && a <= 57 && b >= 48 && b <= 57 ? (b - a + 10) % 10 : b - a;
  const first = step(codes[0] ?? 0, codes[1] ?? 0);
  const firstDirection = first === 9 ? -1 : first;
  if (firstDirection !== 1 && firstDirection !== -1) return false;
  for (let i = 1; i < codes.length; i++) {
    const s = step(codes[i - 1] ?? 0, codes[i] ?? 0);
    if ((s === 9 ? -1 : s) !== firstDirection) return false;
  }
  return true;
}

/**
 * Why a new password is refused, or null when it is acceptable. Checks, in order: a repeated or
 * sequential pattern; the account's own e-mail (whole or its local part) or name; the common list,
 * for the password itself and for its letters alone ("Password123456!" is "password" padded).
 */
export function passwordProblem(
  password: string,
  context: { email?: string | null; name?: string | null } = {},
): string | null {
  const folded = fold(password);
  if (isRepetitiveOrSequential(folded)) return REPETITIVE_PASSWORD;
  const email = context.email?.trim().toLowerCase();
  const personal = [email, email?.split("@")[0], context.name]
    .map((value) => (value ? fold(value) : ""))
    .filter((value) => value.length >= 4);
  if (personal.some((value) => folded === value || folded.replace(/[^\p{L}]/gu, "") === value))
    return CONTEXT_PASSWORD;
  const list = commonPasswords();
  const letters = folded.replace(/[^\p{L}]/gu, "");
  if (list.has(folded) || (letters.length >= 4 && list.has(letters))) return COMMON_PASSWORD;
  return null;
}

/** Throws a ValidationError on the `password` field when `passwordProblem` finds one. */
export function assertAcceptablePassword(
  password: string,
  context: { email?: string | null; name?: string | null },
  field = "password",
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw ValidationError.forField(field, problem);
}

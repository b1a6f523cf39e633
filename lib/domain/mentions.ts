/**
 * `@name` mentions in a comment, and which members they name. The rule (docs/glossary.md,
 * "Mention"): `@` at the start of the text or after a character that is not a letter, digit or
 * one of `@._-` (so an e-mail address in the text is no mention), followed by letters, digits,
 * `.`, `_` or `-` (trailing dots dropped). A member is named when the word, compared without
 * regard to case, equals
 *   1. the local part of their e-mail address (`@ada.l` for ada.l@example.org), or
 *   2. their name with its spaces removed (`@AdaLovelace` for "Ada Lovelace"), or
 *   3. the first word of their name, when exactly one member has that first word (`@Ada`).
 * A word naming nobody, or several people by first name only, names nobody.
 */
const MENTION = /(^|[^\p{L}\p{N}@._-])@([\p{L}\p{N}._-]+)/gu;

export function mentionWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const word = (match[2] ?? "").replace(/\.+$/u, "").toLowerCase();
    if (word) words.add(word);
  }
  return [...words];
}

export type MentionCandidate = { id: string; name: string; email: string };

export function resolveMentions(text: string, members: readonly MentionCandidate[]): string[] {
  const words = mentionWords(text);
  if (words.length === 0) return [];
  const byFirst = new Map<string, string[]>();
  for (const member of members) {
    const first = member.name.trim().split(/\s+/u)[0]?.toLowerCase() ?? "";
    if (first) byFirst.set(first, [...(byFirst.get(first) ?? []), member.id]);
  }
  const found = new Set<string>();
  for (const word of words) {
    let matched = false;
    for (const member of members) {
      const local = member.email.split("@")[0]?.toLowerCase();
      const joined = member.name.replace(/\s+/gu, "").toLowerCase();
      if (word === local || word === joined) {
        found.add(member.id);
        matched = true;
      }
    }
    const byName = byFirst.get(word);
    if (!matched && byName?.length === 1) found.add(byName[0]!);
  }
  return [...found];
}

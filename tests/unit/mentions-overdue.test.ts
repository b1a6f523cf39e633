import { describe, expect, it } from "vitest";

import { mentionWords, resolveMentions } from "@/lib/domain/mentions";
import { daysUntilDue, isPastDue } from "@/lib/domain/overdue";

const members = [
  { id: "ada", name: "Ada Lovelace", email: "ada.l@example.org" },
  { id: "alan", name: "Alan Turing", email: "aturing@example.org" },
  { id: "alan2", name: "Alan Kay", email: "kay@example.org" },
  { id: "grace", name: "Grace Hopper", email: "grace@example.org" },
];

describe("mentions", () => {
  it("reads words after @ at the start or after a separator, not inside e-mail addresses", () => {
    expect(mentionWords("@Ada, see mail@grace and (@kay). Thanks @ada.l.")).toEqual([
      "ada",
      "kay",
      "ada.l",
    ]);
  });

  it("names members by e-mail local part, joined name or a unique first name", () => {
    expect(resolveMentions("@ada.l", members)).toEqual(["ada"]);
    expect(resolveMentions("@AdaLovelace", members)).toEqual(["ada"]);
    expect(resolveMentions("@grace", members)).toEqual(["grace"]);
    expect(resolveMentions("@Ada", members)).toEqual(["ada"]);
    // Two members are called Alan: the first name alone names nobody.
    expect(resolveMentions("@alan", members)).toEqual([]);
    expect(resolveMentions("@AlanKay and @aturing", members)).toEqual(["alan2", "alan"]);
    expect(resolveMentions("no mention here, nobody@ada.l", members)).toEqual([]);
    expect(resolveMentions("@ada @ADA.L", members)).toEqual(["ada"]);
  });
});

describe("overdue", () => {
  const now = new Date("2026-12-07T15:00:00Z");
  it("is late only from the day after the due day (UTC)", () => {
    expect(isPastDue(new Date("2026-12-07T00:00:00Z"), now)).toBe(false);
    expect(isPastDue(new Date("2026-12-06T00:00:00Z"), now)).toBe(true);
    expect(isPastDue("2026-12-06T00:00:00.000Z", now)).toBe(true);
    expect(isPastDue(null, now)).toBe(false);
    expect(daysUntilDue(new Date("2026-12-14T00:00:00Z"), now)).toBe(7);
    expect(daysUntilDue(new Date("2026-12-04T00:00:00Z"), now)).toBe(-3);
  });
});

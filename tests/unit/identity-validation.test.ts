import { describe, expect, it } from "vitest";

import { hashAuditEvent, sanitiseDiff } from "@/lib/server/audit/canonical-event";
import { passwordSchema, safeCallbackPath, signUpSchema } from "@/lib/validation/auth";
import { slugify, workspaceSlugSchema } from "@/lib/validation/workspace";

describe("identity validation", () => {
  it("follows only same-origin callback paths, resolved against the app's origin", () => {
    const origin = "https://srm.example.com";
    const safe = (value: string | undefined) => safeCallbackPath(value, { origin });
    expect(safe("/w/acme/settings")).toBe("/w/acme/settings");
    expect(safe("/w/acme/gaps?domain=a#top")).toBe("/w/acme/gaps?domain=a#top");
    // Dot segments are resolved like a browser would, and stay on our origin.
    expect(safe("/w/../w/acme")).toBe("/w/acme");
    for (const unsafe of [
      "https://evil.test",
      "//evil.test",
      "/\\evil.test",
      "/w\\..\\..\\evil.test",
      "",
      undefined,
      "javascript:alert(1)",
      // A tab, CR or LF is dropped by browsers ("/\t/evil" turns into "//evil", another host)
      // or splits the Location header.
      "/\t/evil.example",
      "/\n/evil.example",
      "/w\r\nSet-Cookie: a=b",
      "/\u0000/evil.example",
      "/\u0085x",
      "https://srm.example.com/w",
      `/${"a".repeat(2001)}`,
    ]) {
      expect(safe(unsafe)).toBe("/w");
    }
    expect(safeCallbackPath("//evil.test", { origin, fallback: "/home" })).toBe("/home");
  });

  it("enforces the length rule it shows, with no composition rules (NIST SP 800-63B)", () => {
    // Words only, no digit or symbol: refused before (issue 14, point 9), accepted now.
    expect(passwordSchema.safeParse("violet tractor mellow harbour").success).toBe(true);
    expect(passwordSchema.safeParse("a long passphrase 42").success).toBe(true);
    expect(passwordSchema.safeParse("short1!").success).toBe(false);
    // 14 characters: one short of the minimum.
    expect(passwordSchema.safeParse("fourteen chars").success).toBe(false);
    // Characters are counted as people count them: 15 characters with accents and emoji are enough.
    expect(passwordSchema.safeParse("éléphant🐘rosé🌹s").success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(129)).success).toBe(false);
  });

  it("normalises e-mail addresses", () => {
    const parsed = signUpSchema.parse({
      name: " Ada ",
      email: "  Ada@Example.COM ",
      password: "a long passphrase 42",
    });
    expect(parsed).toMatchObject({ name: "Ada", email: "ada@example.com" });
  });

  it("derives valid, non-reserved slugs", () => {
    expect(slugify("ACME Security (EU)")).toBe("acme-security-eu");
    expect(slugify("Ünïcode Café")).toBe("unicode-cafe");
    expect(workspaceSlugSchema.safeParse(slugify("new")).success).toBe(true);
    expect(workspaceSlugSchema.safeParse("new").success).toBe(false);
    expect(workspaceSlugSchema.safeParse("Bad Slug").success).toBe(false);
  });
});

describe("audit event hashing", () => {
  const base = {
    workspaceId: "w1",
    seq: 1,
    actorType: "USER",
    actorId: "u1",
    actorLabel: "a@example.com",
    action: "x.y",
    entityType: "X",
    entityId: null,
    diff: { b: 1, a: { d: 2, c: 3 } },
    createdAt: new Date("2026-01-01T00:00:00.000Z"),
    prevHash: "0".repeat(64),
  };

  it("does not depend on key order (jsonb reorders keys) but on every value", () => {
    expect(hashAuditEvent({ ...base, diff: { a: { c: 3, d: 2 }, b: 1 } })).toBe(
      hashAuditEvent(base),
    );
    expect(hashAuditEvent({ ...base, diff: { b: 2, a: { d: 2, c: 3 } } })).not.toBe(
      hashAuditEvent(base),
    );
    expect(hashAuditEvent({ ...base, prevHash: "1".repeat(64) })).not.toBe(hashAuditEvent(base));
  });

  it("strips secret-looking keys and serialises dates", () => {
    expect(
      sanitiseDiff({
        passwordHash: "x",
        tokenHash: "y",
        secret: "z",
        when: new Date(0),
        keep: undefined,
      }),
    ).toEqual({
      when: "1970-01-01T00:00:00.000Z",
    });
  });
});

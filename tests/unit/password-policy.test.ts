import { describe, expect, it } from "vitest";

import {
  COMMON_PASSWORD,
  CONTEXT_PASSWORD,
  passwordProblem,
  REPETITIVE_PASSWORD,
} from "@/lib/auth/password-policy";

import { uniquePassword } from "../e2e/support/accounts";

describe("password blocklist (NIST SP 800-63B)", () => {
  it("accepts passphrases of words, with or without digits", () => {
    for (const ok of [
      "violet tractor mellow harbour",
      "correct horse battery 9",
      "Brume sur le canal Saint-Martin",
    ]) {
      expect(passwordProblem(ok, { email: "ada@example.com", name: "Ada" }), ok).toBeNull();
    }
  });

  it("refuses long entries of the common-password list, whatever their case or spacing", () => {
    for (const common of [
      "qazwsxedcrfvtgb",
      "1qaz2wsx3edc4rfv",
      "QWERTASDFGZXCVB",
      "1qaz 2wsx 3edc 4rfv",
    ]) {
      expect(passwordProblem(common), common).toBe(COMMON_PASSWORD);
    }
  });

  it("refuses a common word padded to length with digits and symbols", () => {
    expect(passwordProblem("Password123456!")).toBe(COMMON_PASSWORD);
    expect(passwordProblem("dragon 2024 2024 !!")).toBe(COMMON_PASSWORD);
  });

  it("refuses repeated and sequential patterns", () => {
    for (const pattern of [
      "aaaaaaaaaaaaaaa",
      "abcabcabcabcabc",
      "123456789012345",
      "zyxwvutsrqponml",
    ]) {
      expect(passwordProblem(pattern), pattern).toBe(REPETITIVE_PASSWORD);
    }
  });

  it("refuses the account's own e-mail address or name", () => {
    const context = { email: "grace.hopper@navy.example", name: "Grace Brewster Hopper" };
    expect(passwordProblem("grace.hopper@navy.example", context)).toBe(CONTEXT_PASSWORD);
    expect(passwordProblem("Grace Brewster Hopper", context)).toBe(CONTEXT_PASSWORD);
  });

  it("accepts every password the end-to-end tests generate", () => {
    for (let i = 0; i < 2_000; i++) {
      const password = uniquePassword();
      expect(password.length).toBeGreaterThanOrEqual(15);
      expect(passwordProblem(password), password).toBeNull();
    }
  });
});

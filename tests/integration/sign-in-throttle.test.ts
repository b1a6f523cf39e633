import { beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { authenticateWithPassword } from "@/lib/server/auth/authenticate-with-password";
import { SIGN_IN_THROTTLE } from "@/lib/server/auth/sign-in-throttle";

import { signedUpOwner, TEST_PASSWORD, uniqueEmail } from "../support/identity-fixtures";

// Issue 14, point 4. Each test uses its own addresses and accounts; the table is cleared first.
beforeEach(async () => {
  await db.signInThrottle.deleteMany({});
});

const attempt = (email: string, password: string, clientAddress: string) =>
  authenticateWithPassword({ email, password, clientAddress }).then(
    () => "ok" as const,
    (error: unknown) => error,
  );

describe("sign-in throttle", () => {
  it("is atomic: 20 parallel wrong guesses from one address for one account cannot all be checked", async () => {
    const { user } = await signedUpOwner("parallel");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => attempt(user.email, "wrong guess number x", "198.51.100.1")),
    );
    const checked = results.filter((r) => r instanceof UnauthorizedError).length;
    const throttled = results.filter((r) => r instanceof RateLimitedError).length;
    // The free failures, plus the one that triggers the first wait.
    expect(checked).toBeLessThanOrEqual(SIGN_IN_THROTTLE.pairFreeFailures + 1);
    expect(checked + throttled).toBe(20);
  });

  it("slows the address+account pair with a growing wait, not a fixed lock", async () => {
    const { user } = await signedUpOwner("growing");
    const now = new Date();
    for (let i = 0; i < SIGN_IN_THROTTLE.pairFreeFailures; i++) {
      expect(await attempt(user.email, "wrong guess number x", "198.51.100.2")).toBeInstanceOf(
        UnauthorizedError,
      );
    }
    // The sixth failure sets a 2 s wait; right after it, the next try is refused with it.
    expect(await attempt(user.email, "wrong guess number x", "198.51.100.2")).toBeInstanceOf(
      UnauthorizedError,
    );
    const refused = await attempt(user.email, TEST_PASSWORD, "198.51.100.2");
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(2);
    const pair = await db.signInThrottle.findUniqueOrThrow({
      where: { key: `pair:198.51.100.2|${user.email}` },
    });
    expect(pair.blockedUntil!.getTime() - now.getTime()).toBeLessThan(5_000);
    // Once the wait is over the right password works and clears the pair.
    await db.signInThrottle.update({
      where: { key: pair.key },
      data: { blockedUntil: new Date(Date.now() - 1) },
    });
    expect(await attempt(user.email, TEST_PASSWORD, "198.51.100.2")).toBe("ok");
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: pair.key } })).failures).toBe(
      0,
    );
  });

  it("a locked-out owner still gets in from their usual address, whatever attackers elsewhere do", async () => {
    const { user } = await signedUpOwner("owner-path");
    expect(await attempt(user.email, TEST_PASSWORD, "203.0.113.50")).toBe("ok");
    // Attackers on 30 addresses, 5 guesses each: 150 failures on the account.
    for (let a = 0; a < 30; a++) {
      for (let i = 0; i < 5; i++) await attempt(user.email, "wrong guess number x", `192.0.2.${a}`);
    }
    // A new address now waits (the account-wide growing delay)…
    expect(await attempt(user.email, TEST_PASSWORD, "198.51.100.77")).toBeInstanceOf(
      RateLimitedError,
    );
    // …but the owner's known address is not affected by anything the attackers did.
    expect(await attempt(user.email, TEST_PASSWORD, "203.0.113.50")).toBe("ok");
  });

  it("limits an address spraying many accounts to 20 failures per window, others unaffected", async () => {
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailuresPerAddress; i++) {
      await attempt(uniqueEmail(`spray${i}`), "wrong guess number x", "192.0.2.200");
    }
    const { user } = await signedUpOwner("spray-victim");
    expect(await attempt(user.email, TEST_PASSWORD, "192.0.2.200")).toBeInstanceOf(
      RateLimitedError,
    );
    expect(await attempt(user.email, TEST_PASSWORD, "192.0.2.201")).toBe("ok");
  });

  it("answers the same for accounts that do not exist", async () => {
    const ghost = uniqueEmail("ghost");
    const results = [];
    for (let i = 0; i < SIGN_IN_THROTTLE.pairFreeFailures + 2; i++) {
      results.push(await attempt(ghost, "wrong guess number x", "198.51.100.9"));
    }
    expect(results.at(-1)).toBeInstanceOf(RateLimitedError);
  });
});

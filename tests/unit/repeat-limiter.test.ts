// The limiter that keeps a failing dependency from flooding the log, and the short error shape
// that keeps a pg client object out of it.
import { describe, expect, it } from "vitest";

import { briefError, createRepeatLimiter } from "@/lib/log/repeat-limiter";

describe("createRepeatLimiter", () => {
  it("logs the first of a kind, holds back repeats within the window, then reports their count", () => {
    let now = 0;
    const limit = createRepeatLimiter({ windowMs: 60_000, now: () => now });
    expect(limit("down")).toEqual({ log: true, suppressed: 0 });
    for (let i = 0; i < 96; i += 1) {
      now += 150;
      expect(limit("down").log).toBe(false);
    }
    // Another kind of error is not held back by the first.
    expect(limit("timeout")).toEqual({ log: true, suppressed: 0 });
    now = 60_000;
    expect(limit("down")).toEqual({ log: true, suppressed: 96 });
    now += 1;
    expect(limit("down")).toEqual({ log: false, suppressed: 1 });
  });
});

describe("briefError", () => {
  it("keeps the message and code only, never enumerable extras such as a pg client", () => {
    const error = Object.assign(new Error("Connection terminated unexpectedly"), {
      code: "ECONNRESET",
      client: { connectionParameters: { user: "postgres", password: "secret" }, secretKey: 42 },
    });
    const brief = briefError(error);
    expect(brief).toEqual({ message: "Connection terminated unexpectedly", code: "ECONNRESET" });
    expect(JSON.stringify(brief)).not.toMatch(/secret|postgres/);
    expect(briefError("plain")).toEqual({ message: "plain" });
  });
});

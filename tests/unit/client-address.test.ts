import { describe, expect, it } from "vitest";

import { proxyMatcher, resolveClientAddress } from "@/lib/auth/forwarded-for";
import { parseEnv } from "@/lib/env";

// Our server appends the TCP peer as the last X-Forwarded-For hop (scripts/serve-next.mjs).
describe("client address from X-Forwarded-For (issue 14, point 4)", () => {
  it("with no trusted proxies, is the TCP peer whatever the client wrote", () => {
    const none = proxyMatcher([]);
    expect(resolveClientAddress("203.0.113.7", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("1.2.3.4, 203.0.113.7", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("9.9.9.9, 8.8.8.8, 203.0.113.7", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", none)).toBe("203.0.113.7");
    expect(resolveClientAddress(null, none)).toBe("unknown");
  });

  it("behind trusted proxies, skips only their hops from the right", () => {
    const trusted = proxyMatcher(["10.0.0.0/8", "::1", "127.0.0.1"]);
    // client → proxy 10.1.1.1 → our server (peer 10.2.2.2)
    expect(resolveClientAddress("198.51.100.4, 10.1.1.1, 10.2.2.2", trusted)).toBe("198.51.100.4");
    // A forged left part is still ignored: the proxy appended what it saw.
    expect(resolveClientAddress("6.6.6.6, 198.51.100.4, 10.2.2.2", trusted)).toBe("198.51.100.4");
    // A request that did not come through a trusted proxy: its own claims are not believed.
    expect(resolveClientAddress("10.1.1.1, 198.51.100.99", trusted)).toBe("198.51.100.99");
    expect(resolveClientAddress("198.51.100.4, ::1", trusted)).toBe("198.51.100.4");
  });

  it("validates TRUSTED_PROXIES at start-up, naming the bad entry", () => {
    const base = { DATABASE_URL: "postgresql://x@y/z", AUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(base).TRUSTED_PROXIES).toEqual([]);
    expect(
      parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, ::1 127.0.0.1" }).TRUSTED_PROXIES,
    ).toEqual(["10.0.0.0/8", "::1", "127.0.0.1"]);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, proxy.local" })).toThrow(
      /TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range/,
    );
  });
});

import "server-only";

import { headers } from "next/headers";

import { type ProxyMatcher, proxyMatcher, resolveClientAddress } from "@/lib/auth/forwarded-for";
import { env } from "@/lib/env";

let matcher: ProxyMatcher | undefined;

/**
 * The client's address, for throttling and the audit log: the right-most X-Forwarded-For hop that
 * is not one of TRUSTED_PROXIES (forwarded-for.ts). Our server always appends the TCP peer, so
 * with no trusted proxies this is the peer itself and a forged header has no effect.
 */
export async function clientAddress(): Promise<string> {
  matcher ??= proxyMatcher(env().TRUSTED_PROXIES);
  return resolveClientAddress((await headers()).get("x-forwarded-for"), matcher);
}

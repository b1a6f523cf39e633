import { BlockList, isIP } from "node:net";

// Reading the client address from X-Forwarded-For safely. Every proxy APPENDS the address it
// received the request from, and our own server (scripts/serve-next.mjs) appends the TCP peer
// last, so the list reads client, proxy1, proxy2, …, peer. Only the right end is trustworthy:
// walking from the right, each hop that is one of OUR proxies vouches for the entry before it;
// the first hop that is not ours is the client. Anything further left was written by the client
// and is ignored, so rotating the header changes nothing.

export type ProxyMatcher = (address: string) => boolean;

function plain(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

/** A matcher for TRUSTED_PROXIES entries (IP addresses and CIDR ranges, both families). */
export function proxyMatcher(entries: readonly string[]): ProxyMatcher {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const value = plain(address);
    const family = isIP(value);
    return family !== 0 && list.check(value, family === 6 ? "ipv6" : "ipv4");
  };
}

/** The client address for `x-forwarded-for` as our server passes it on; "unknown" when empty. */
export function resolveClientAddress(header: string | null, isTrusted: ProxyMatcher): string {
  const hops = (header ?? "")
    .split(",")
    .map(plain)
    .filter((hop) => hop.length > 0);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] as string;
    if (index > 0 && isTrusted(hop)) continue;
    return hop.slice(0, 100);
  }
  return "unknown";
}

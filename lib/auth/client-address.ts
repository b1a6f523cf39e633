import "server-only";

import { headers } from "next/headers";

/**
 * The client address for throttling: the first hop of X-Forwarded-For (set by the reverse proxy,
 * or by Next's own server from the socket), else X-Real-IP, else "unknown".
 */
export async function clientAddress(): Promise<string> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || list.get("x-real-ip")?.trim() || "unknown").slice(0, 100);
}

import { type NextRequest, NextResponse } from "next/server";

import { DATABASE_RETRY_AFTER_SECONDS, databaseAvailability } from "@/lib/db/availability";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-context";

// A fresh nonce per request lets Next's own inline scripts run while every other inline script is
// refused. Styles allow 'unsafe-inline' because the UI primitives position popovers with style
// attributes; scripts never do.
// Evidence downloads set their own, stricter policy (sandbox, no sources at all).
const EVIDENCE_DOWNLOAD = /^\/w\/[^/]+\/evidence\/[^/]+\/download$/;

// Every page needs the database; while this process knows it is unreachable (lib/db/pool.ts probes
// it every second), pages get this instead of an error page: 503 with Retry-After, so load
// balancers and browsers retry, and the page reloads itself.
const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}">
<title>Temporarily unavailable · AI SRM Workspace</title></head><body>
<h1>Temporarily unavailable</h1>
<p>The database cannot be reached at the moment. This page tries again in a few seconds; nothing
you saved is lost.</p></body></html>`;

export function proxy(request: NextRequest) {
  // The request id: the caller's if sane, else a new one; the app's log lines and the response
  // carry it (API routes set their own, see lib/server/api/route.ts).
  const requestId = requestIdFrom(request.headers);
  if (!databaseAvailability().available) {
    return new NextResponse(UNAVAILABLE_PAGE, {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
        "cache-control": "no-store",
        [REQUEST_ID_HEADER]: requestId,
      },
    });
  }
  if (EVIDENCE_DOWNLOAD.test(request.nextUrl.pathname)) {
    const forwarded = new Headers(request.headers);
    forwarded.set(REQUEST_ID_HEADER, requestId);
    const response = NextResponse.next({ request: { headers: forwarded } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

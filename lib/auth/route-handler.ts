import "server-only";

import NextAuth from "next-auth";

import { authOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** GET/POST handler for app/api/auth/[...nextauth] (single sign-on callbacks, sign-out). */
export async function handleAuthRequest(
  request: Request,
  context: RouteContext,
): Promise<Response> {
  const handler = NextAuth(authOptions()) as unknown as (
    req: Request,
    ctx: RouteContext,
  ) => Promise<Response>;
  return handler(request, context);
}

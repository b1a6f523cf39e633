"use client";

import { signIn } from "next-auth/react";

/** Starts the OpenID Connect round trip through next-auth (sign-in, or linking from /account). */
export function startSsoSignIn(callbackUrl: string): void {
  void signIn("oidc", { callbackUrl });
}

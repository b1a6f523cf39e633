"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";

import { Button } from "@/components/ui/button";

/** Starts the OpenID Connect round trip through next-auth (sign-in, or linking from /account). */
export function startSsoSignIn(callbackUrl: string): void {
  void signIn("oidc", { callbackUrl });
}

/** The sign-in page's single sign-on button (shown only when SSO is configured). */
export function SsoSignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      variant="outline"
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        startSsoSignIn(callbackUrl);
      }}
    >
      <KeyRound aria-hidden="true" />
      {pending ? "Redirecting…" : `Continue with ${label}`}
    </Button>
  );
}

"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { startSsoSignIn } from "@/lib/auth/sso-sign-in";

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

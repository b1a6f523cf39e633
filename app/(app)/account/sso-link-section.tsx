"use client";

import { KeyRound } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { startSsoLinkAction } from "@/lib/actions/account";
import { startSsoSignIn } from "@/lib/auth/sso-sign-in";

const OUTCOMES: Record<string, { variant: "success" | "error"; text: string }> = {
  linked: { variant: "success", text: "Single sign-on is now linked to your account." },
  already: { variant: "success", text: "This single sign-on identity was already linked." },
  taken: {
    variant: "error",
    text: "That single sign-on identity is linked to another account. Nothing was changed.",
  },
  failed: { variant: "error", text: "Linking did not complete. Nothing was changed." },
};

export function SsoLinkSection({
  providerName,
  enabled,
  linked,
  outcome,
}: {
  providerName: string;
  enabled: boolean;
  linked: { id: string; linkedAt: string }[];
  outcome?: string;
}) {
  const [redirecting, setRedirecting] = useState(false);
  const { executeAsync, isPending } = useAction(startSsoLinkAction);
  const message = outcome ? OUTCOMES[outcome] : undefined;
  return (
    <Card>
      <CardHeader className="flex-col items-stretch">
        <CardTitle>Single sign-on</CardTitle>
        <CardDescription>
          Link your {providerName} identity to sign in with it. Linking needs you to be signed in
          here and to sign in at the provider, so nobody can attach their identity to your account.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {message ? (
          <Alert variant={message.variant} live="polite">
            {message.text}
          </Alert>
        ) : null}
        {linked.length > 0 ? (
          <ul className="text-sm">
            {linked.map((identity) => (
              <li key={identity.id}>
                {providerName}: linked {identity.linkedAt}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No single sign-on identity is linked yet.</p>
        )}
        {enabled ? (
          <div>
            <Button
              type="button"
              variant="outline"
              disabled={isPending || redirecting}
              onClick={async () => {
                const result = await executeAsync({});
                if (!result?.data) return;
                setRedirecting(true);
                startSsoSignIn("/account?sso=linked");
              }}
            >
              <KeyRound aria-hidden="true" />
              {redirecting ? "Redirecting…" : `Link ${providerName}`}
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

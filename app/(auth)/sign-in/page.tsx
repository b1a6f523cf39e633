import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { callbackPath } from "@/lib/auth/callback-url";
import { getSession } from "@/lib/auth/session";
import { env, oidcEnabled } from "@/lib/env";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// Why a single sign-on round trip ended here (lib/auth/options.ts). Anything else next-auth
// reports gets the general message.
const SSO_ERRORS: Record<string, string> = {
  "sso-unverified":
    "Your identity provider did not confirm that it verified your e-mail address, so it cannot sign you in here. Sign in with your e-mail and password, or ask your administrator.",
  "sso-no-email":
    "Your identity provider did not share an e-mail address, so it cannot sign you in here.",
  "sso-link-required":
    "An account with this e-mail address already exists. Sign in with your password, then link single sign-on from your account page.",
};
const SSO_FAILED =
  "Single sign-on did not complete. Try again, or sign in with your e-mail and password.";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; email?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, email } = await searchParams;
  const target = callbackPath(callbackUrl);
  if (await getSession()) redirect(target);
  return (
    <Card>
      <CardHeader className="flex-col items-stretch">
        <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
        <CardDescription>Sign in to your AI SRM workspaces.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {error ? (
          <Alert variant="error" live="off">
            {SSO_ERRORS[error] ?? SSO_FAILED}
          </Alert>
        ) : null}
        <SignInForm callbackUrl={target} defaultEmail={email} />
        {oidcEnabled() ? (
          <>
            <p className="text-center text-xs text-muted-foreground">or</p>
            <SsoSignInButton label={env().OIDC_NAME} callbackUrl={target} />
          </>
        ) : null}
        <p className="text-center text-sm text-muted-foreground">
          No account yet?{" "}
          <Link
            href="/sign-up"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Create one
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { callbackPath } from "@/lib/auth/callback-url";
import { getSession } from "@/lib/auth/session";
import { SsoSignInButton } from "@/lib/auth/sso-sign-in-button";
import { env, oidcEnabled } from "@/lib/env";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

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
            Single sign-on did not complete. Try again, or sign in with your e-mail and password.
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

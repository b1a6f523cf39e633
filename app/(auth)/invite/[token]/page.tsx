import type { Metadata } from "next";
import Link from "next/link";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { getSession } from "@/lib/auth/session";
import {
  findInvitationByToken,
  INVITATION_STATE_MESSAGES,
} from "@/lib/server/invitations/find-invitation";

import { AcceptInvitationButton, AcceptWithSignUpForm } from "./accept-forms";

// The title stays generic: the workspace name is only shown to whoever holds a valid link.
export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [invitation, session] = await Promise.all([findInvitationByToken(token), getSession()]);

  if (!invitation || invitation.state !== "pending") {
    return (
      <Card>
        <CardHeader className="flex-col items-stretch">
          <h1 className="text-xl font-semibold tracking-tight">Invitation not available</h1>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Alert variant="warning" live="off">
            {invitation
              ? INVITATION_STATE_MESSAGES[
                  invitation.state as keyof typeof INVITATION_STATE_MESSAGES
                ]
              : "This invitation link is not valid. Check that you copied the whole link."}
          </Alert>
          <Button asChild variant="outline">
            <Link href={session ? "/w" : "/sign-in"}>
              {session ? "Go to your workspaces" : "Sign in"}
            </Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  const path = `/invite/${token}`;
  return (
    <Card>
      <CardHeader className="flex-col items-stretch">
        <h1 className="text-xl font-semibold tracking-tight">Join {invitation.workspaceName}</h1>
        <CardDescription>
          You are invited as <strong>{roleLabel(invitation.role)}</strong> ({invitation.email}). The
          invitation expires on {invitation.expiresAt.toUTCString()}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {session && session.user.email === invitation.email ? (
          <AcceptInvitationButton token={token} label={`Join ${invitation.workspaceName}`} />
        ) : session ? (
          <>
            <Alert variant="warning" live="off">
              You are signed in as {session.user.email}, but this invitation is for{" "}
              {invitation.email}. Sign out, then open this link again and sign in with the invited
              address.
            </Alert>
            <Button asChild variant="outline">
              <Link href="/sign-out">Sign out</Link>
            </Button>
          </>
        ) : invitation.accountExists ? (
          <Button asChild>
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(path)}&email=${encodeURIComponent(invitation.email)}`}
            >
              Sign in as {invitation.email} to accept
            </Link>
          </Button>
        ) : (
          <AcceptWithSignUpForm token={token} email={invitation.email} />
        )}
      </CardContent>
    </Card>
  );
}

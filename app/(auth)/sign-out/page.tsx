import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { getSession } from "@/lib/auth/session";

import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

// Signing out is a POST (a server action), never a GET, so a link elsewhere cannot sign you out.
export default async function SignOutPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return (
    <Card>
      <CardHeader className="flex-col items-stretch">
        <h1 className="text-xl font-semibold tracking-tight">Sign out</h1>
        <CardDescription>You are signed in as {session.user.email}.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <SignOutButton />
        <Link
          href="/w"
          className="text-center text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          Stay signed in
        </Link>
      </CardContent>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { getSession } from "@/lib/auth/session";

import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getSession()) redirect("/w");
  return (
    <Card>
      <CardHeader className="flex-col items-stretch">
        <h1 className="text-xl font-semibold tracking-tight">Create your account</h1>
        <CardDescription>
          You get your own workspace, where you are the owner. Were you invited to a team? Open the
          link from your invitation instead, so you join that workspace.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <SignUpForm />
        <p className="text-center text-sm text-muted-foreground">
          Already have an account?{" "}
          <Link
            href="/sign-in"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { Logo } from "@/components/brand/logo";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/session";

import { CreateWorkspaceForm } from "./create-workspace-form";

export const metadata: Metadata = { title: "Create a workspace" };

export default async function NewWorkspacePage() {
  await requireSession("/w/new");
  return (
    <div className="min-h-dvh bg-surface">
      <header className="flex h-16 items-center px-6">
        <Link href="/w" className="rounded-md">
          <Logo />
        </Link>
      </header>
      <main id="main-content" className="mx-auto w-full max-w-md px-4 py-8">
        <Card>
          <CardHeader className="flex-col items-stretch">
            <h1 className="text-xl font-semibold tracking-tight">Create a workspace</h1>
            <CardDescription>
              A workspace holds one organisation&apos;s AI systems, responsibilities and evidence.
              You will be its owner and can invite colleagues.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CreateWorkspaceForm />
          </CardContent>
        </Card>
        <p className="mt-4 text-center text-sm">
          <Link href="/w" className="font-medium text-primary underline-offset-4 hover:underline">
            Back to your workspaces
          </Link>
        </p>
      </main>
    </div>
  );
}

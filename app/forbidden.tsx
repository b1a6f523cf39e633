import { ShieldAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "No access",
};

/**
 * Shown with status 403 when a member opens a page their role does not allow (forbidden() in
 * lib/auth/workspace-gate.ts). Only members get here: to anyone else the workspace is a 404.
 */
export default function Forbidden() {
  return (
    <div className="flex min-h-dvh flex-col bg-surface">
      <header className="flex h-16 items-center px-6">
        <Link href="/" className="rounded-md">
          <Logo />
        </Link>
      </header>
      <main className="flex flex-1 items-center justify-center px-6 pb-16">
        <div className="max-w-md text-center">
          <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground">
            <ShieldAlert aria-hidden="true" className="size-6" />
          </div>
          <p className="mt-6 text-sm font-semibold text-primary">403</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground">
            Your role does not allow this page
          </h1>
          <p className="mt-3 text-sm text-muted-foreground">
            You are a member of this workspace, but this page needs a role with more rights. Ask an
            owner or administrator of the workspace if you need it.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Button asChild>
              <Link href="/w">Back to your workspaces</Link>
            </Button>
          </div>
        </div>
      </main>
    </div>
  );
}

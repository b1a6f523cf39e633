import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
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
            <FileQuestion aria-hidden="true" className="size-6" />
          </div>
          <p className="mt-6 text-sm font-semibold text-primary">404</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground">
            Page not found
          </h1>
          <p className="mt-3 text-sm text-muted-foreground">
            This page does not exist, or you do not have access to it. Check the address, or go back
            to a page you know.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Button asChild>
              <Link href="/">Go to the home page</Link>
            </Button>
          </div>
        </div>
      </main>
    </div>
  );
}

import type { LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";

/** A full-page answer for an HTTP status (404, 403): what happened and one way onwards. */
export function StatusPage(props: {
  icon: LucideIcon;
  status: number;
  title: string;
  children: ReactNode;
  action: { href: string; label: string };
}) {
  const Icon = props.icon;
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
            <Icon aria-hidden="true" className="size-6" />
          </div>
          <p className="mt-6 text-sm font-semibold text-primary">{props.status}</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground">
            {props.title}
          </h1>
          <p className="mt-3 text-sm text-muted-foreground">{props.children}</p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Button asChild>
              <Link href={props.action.href}>{props.action.label}</Link>
            </Button>
          </div>
        </div>
      </main>
    </div>
  );
}

"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import type { NavItemKey } from "@/components/app-shell/nav-items";
import { workspaceHref } from "@/components/app-shell/nav-items";
import { SidebarNav } from "@/components/app-shell/sidebar-nav";
import { Logo } from "@/components/brand/logo";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";

export type MobileNavProps = {
  slug: string;
  hidden?: readonly NavItemKey[];
  counts?: Partial<Record<NavItemKey, number>>;
};

/** The sidebar as a drawer below the `lg` breakpoint. */
export function MobileNav({ slug, hidden, counts }: MobileNavProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger className="inline-flex size-9 items-center justify-center rounded-md text-foreground transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring lg:hidden">
        <Menu aria-hidden="true" className="size-5" />
        <span className="sr-only">Open navigation</span>
      </SheetTrigger>
      <SheetContent aria-describedby={undefined}>
        <SheetTitle className="sr-only">Navigation</SheetTitle>
        <div className="flex h-14 items-center border-b px-4">
          <Link href={workspaceHref(slug)} onClick={close} className="rounded-md">
            <Logo />
          </Link>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
          <SidebarNav slug={slug} hidden={hidden} counts={counts} onNavigate={close} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";

import { Logo } from "@/components/brand/logo";

/** Frame of the signed-out pages: the product mark and one centred card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-surface">
      <header className="flex h-16 items-center px-6">
        <Link href="/" className="rounded-md">
          <Logo />
        </Link>
      </header>
      <main
        id="main-content"
        className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:pt-12"
      >
        <div className="w-full max-w-md">{children}</div>
      </main>
    </div>
  );
}

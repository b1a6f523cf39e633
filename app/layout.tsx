import "./globals.css";

import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { Providers } from "@/components/providers";
import { cn } from "@/lib/utils/cn";

export const metadata: Metadata = {
  title: {
    default: "AI SRM Workspace",
    template: "%s · AI SRM Workspace",
  },
  description:
    "Govern the security of your AI systems with the AI Security Shared Responsibility Model: register systems, see provider and customer duties, assign owners, collect evidence and export an audit bundle.",
  applicationName: "AI SRM Workspace",
};

export const viewport: Viewport = {
  themeColor: "#ffffff",
  colorScheme: "light",
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // proxy.ts sends a nonce-based CSP ('strict-dynamic'). Next only stamps the nonce on its scripts
  // when rendering per request, so every page must be dynamic; a prerendered page's scripts would be
  // blocked and it would never hydrate.
  await connection();
  return (
    <html lang="en" className={cn(GeistSans.variable, GeistMono.variable)}>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

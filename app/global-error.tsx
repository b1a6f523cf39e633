"use client";

import "./globals.css";

import { GeistSans } from "geist/font/sans";
import { useEffect } from "react";

/** Replaces the root layout when it fails; must render its own <html> and <body>. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-dvh bg-surface font-sans text-foreground antialiased">
        <title>Something went wrong · AI SRM Workspace</title>
        <main className="flex min-h-dvh items-center justify-center px-6">
          <div className="max-w-md text-center">
            <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
            <p className="mt-3 text-sm text-muted-foreground">
              The application failed to load. Nothing you saved has been lost. Please try again.
            </p>
            <div className="mt-8 flex justify-center gap-3">
              <button
                type="button"
                onClick={() => retry()}
                className="inline-flex h-9 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary-hover"
              >
                Try again
              </button>
              {/* A plain anchor: the router may be what failed. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a
                href="/"
                className="inline-flex h-9 items-center rounded-md border border-input bg-background px-4 text-sm font-medium hover:bg-accent"
              >
                Home
              </a>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}

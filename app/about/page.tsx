import type { Metadata } from "next";
import Link from "next/link";

import { Logo } from "@/components/brand/logo";
import { CrosswalkCredits } from "@/components/crosswalks/crosswalk-credits";
import { Badge } from "@/components/ui/badge";
import {
  type CrosswalkAttribution,
  listCrosswalkAttributions,
} from "@/lib/server/crosswalks/list-crosswalk-attributions";
import {
  type BuiltInAttribution,
  listBuiltInAttributions,
} from "@/lib/server/frameworks/list-builtin-attributions";

export const metadata: Metadata = { title: "About and attribution" };

// The shipped files cannot change while the server runs, and parsing and validating every
// framework and crosswalk cost this page most of its time on each request: read them once per
// process (again after a failure).
let shippedCredits: Promise<[BuiltInAttribution[], CrosswalkAttribution[]]> | undefined;
function loadShippedCredits() {
  shippedCredits ??= Promise.all([listBuiltInAttributions(), listCrosswalkAttributions()]);
  shippedCredits.catch(() => {
    shippedCredits = undefined;
  });
  return shippedCredits;
}

/**
 * Public page (no sign-in): what the app is and where its built-in frameworks come from, with each
 * one's credit line and full licence or notice text, read from the shipped files under frameworks/.
 */
export default async function AboutPage() {
  const [frameworks, crosswalks] = await loadShippedCredits();
  return (
    <div className="flex min-h-dvh flex-col bg-background">
      <header className="border-b">
        <div className="mx-auto flex h-16 max-w-4xl items-center px-6">
          <Link href="/" className="rounded-md">
            <Logo />
          </Link>
        </div>
      </header>
      <main id="main-content" className="mx-auto w-full max-w-4xl flex-1 px-6 py-10">
        <h1 className="text-3xl font-semibold tracking-tight">About AI SRM Workspace</h1>
        <p className="mt-3 max-w-2xl text-muted-foreground">
          AI SRM Workspace helps organisations work out who secures what in each of their AI
          systems: the provider, the organisation itself, both, or nobody. It is built on published
          shared-responsibility models, credited below. The app&apos;s own code is open source under
          the MIT licence.
        </p>

        <h2 className="mt-10 text-xl font-semibold">Built-in frameworks</h2>
        <div className="mt-4 space-y-8">
          {frameworks.map((framework) => (
            <section
              key={framework.key}
              aria-labelledby={`fw-${framework.key}`}
              className="rounded-xl border bg-card p-6"
            >
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={`fw-${framework.key}`} className="text-lg font-semibold">
                  {framework.name}
                </h3>
                <Badge variant="outline">
                  {framework.versions.length === 1 ? "Version" : "Versions"}{" "}
                  {framework.versions.join(", ")}
                </Badge>
                {framework.spdx ? <Badge variant="secondary">{framework.spdx}</Badge> : null}
              </div>
              {framework.attribution ? (
                <p className="mt-3 font-medium">{framework.attribution}</p>
              ) : null}
              <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-muted-foreground">Publisher</dt>
                <dd>{framework.publisher}</dd>
                <dt className="text-muted-foreground">Source</dt>
                <dd>
                  <a
                    href={framework.sourceUrl}
                    className="break-all text-primary underline"
                    rel="noopener noreferrer"
                  >
                    {framework.sourceUrl}
                  </a>
                  {framework.sourceReference ? (
                    <span className="block text-muted-foreground">{framework.sourceReference}</span>
                  ) : null}
                </dd>
                <dt className="text-muted-foreground">Licence</dt>
                <dd>{framework.licenceName}</dd>
              </dl>
              {framework.documents.map((doc) => (
                <details key={doc.fileName} className="mt-4 rounded-lg border bg-background">
                  <summary className="cursor-pointer px-4 py-2 text-sm font-medium">
                    {doc.fileName === "NOTICE.md" ? "Notice" : "Licence text"} ({doc.fileName})
                  </summary>
                  <pre
                    tabIndex={0}
                    aria-label={`${doc.fileName} of ${framework.name}`}
                    className="max-h-96 overflow-auto border-t px-4 py-3 font-mono text-xs whitespace-pre-wrap"
                  >
                    {doc.text}
                  </pre>
                </details>
              ))}
            </section>
          ))}
        </div>
        {crosswalks.length > 0 ? (
          <>
            <h2 className="mt-10 text-xl font-semibold">Crosswalks to other standards</h2>
            <p className="mt-2 max-w-2xl text-sm text-muted-foreground">
              The app relates its security domains to entries of other security and AI governance
              standards. Only identifiers and short titles of those standards are shipped, each
              under the terms below; relationships and rationales are our own.
            </p>
            <div className="mt-4 space-y-8">
              {crosswalks.map((crosswalk) => (
                <CrosswalkCredits key={crosswalk.key} crosswalk={crosswalk} />
              ))}
            </div>
          </>
        ) : null}
        <p className="mt-10 text-sm text-muted-foreground">
          Descriptions, help texts and rationales in the app are our own writing; names,
          identifiers, matrix values and lists of controls and examples are taken from the sources
          as facts.
        </p>
      </main>
      <footer className="border-t">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-6 py-6 text-sm text-muted-foreground">
          <p>AI SRM Workspace · Open source, MIT licensed.</p>
          <Link href="/" className="rounded-sm hover:text-foreground hover:underline">
            Home
          </Link>
        </div>
      </footer>
    </div>
  );
}

import {
  ArrowRight,
  ClipboardCheck,
  FileArchive,
  Layers,
  type LucideIcon,
  ScanSearch,
  ShieldCheck,
  Users,
} from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";
import { ResponsibilityBadge, ResponsibilityLegend } from "@/components/ui/responsibility-badge";
import type { ResponsibilityValue } from "@/lib/domain/responsibility";

export const metadata: Metadata = {
  title: { absolute: "AI SRM Workspace · Shared responsibility for AI security" },
};

const STEPS: { title: string; body: string; icon: LucideIcon }[] = [
  {
    title: "Categorise",
    body: "Register each AI system and the way you deploy it, from fully managed SaaS to self-hosted models and agents.",
    icon: Layers,
  },
  {
    title: "Review obligations",
    body: "The framework matrix shows, for every security domain, whether the provider, your organisation or both are responsible.",
    icon: ScanSearch,
  },
  {
    title: "Cover every domain",
    body: "Assign owners, track status, attach evidence and collect vendor attestations until each duty is covered.",
    icon: ClipboardCheck,
  },
  {
    title: "Close the gaps",
    body: "See uncovered duties by criticality, risk tier and due date, and export a verifiable evidence bundle for auditors.",
    icon: FileArchive,
  },
];

const AUDIENCES: { title: string; body: string; icon: LucideIcon }[] = [
  {
    title: "Security leaders",
    body: "One view of coverage across every AI system, with the gaps that matter most at the top.",
    icon: ShieldCheck,
  },
  {
    title: "AI platform teams",
    body: "A clear list of the duties you own, with owners, due dates and the evidence each one needs.",
    icon: Users,
  },
  {
    title: "Auditors",
    body: "Read-only access and an export with checksums, a readable report and a tamper-evident audit log.",
    icon: FileArchive,
  },
];

const SAMPLE_COLUMNS = ["SaaS", "Managed platform", "Self-hosted"] as const;
const SAMPLE_ROWS: {
  domain: string;
  values: [ResponsibilityValue, ResponsibilityValue, ResponsibilityValue];
}[] = [
  { domain: "Model supply chain", values: ["P", "S", "C"] },
  { domain: "Prompt and input security", values: ["S", "C", "C"] },
  { domain: "Agent permissions", values: ["C", "C", "C"] },
  { domain: "Infrastructure hardening", values: ["P", "P", "C"] },
  { domain: "Training data governance", values: ["NA", "S", "C"] },
];

export default function HomePage() {
  return (
    <div className="flex min-h-dvh flex-col bg-background">
      <header className="border-b">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-6">
          <Link href="/" className="rounded-md">
            <Logo />
          </Link>
          <nav aria-label="Account">
            <ul className="flex items-center gap-2">
              <li className="hidden sm:block">
                <Button asChild variant="ghost" size="sm">
                  <Link href="/about">About</Link>
                </Button>
              </li>
              <li>
                <Button asChild variant="ghost" size="sm">
                  <Link href="/sign-in">Sign in</Link>
                </Button>
              </li>
              <li>
                <Button asChild size="sm">
                  <Link href="/sign-up">Create account</Link>
                </Button>
              </li>
            </ul>
          </nav>
        </div>
      </header>

      <main className="flex-1">
        <section aria-labelledby="hero-title" className="border-b bg-surface">
          <div className="mx-auto grid max-w-6xl gap-12 px-6 py-16 lg:grid-cols-[1.1fr_1fr] lg:items-center lg:py-24">
            <div>
              <p className="text-sm font-semibold text-primary">
                AI Security Shared Responsibility Model
              </p>
              <h1
                id="hero-title"
                className="mt-3 text-4xl font-semibold tracking-tight text-balance text-foreground sm:text-5xl"
              >
                Know who secures every part of your AI systems
              </h1>
              <p className="mt-5 max-w-xl text-lg text-pretty text-muted-foreground">
                AI SRM Workspace turns the shared responsibility model into daily work: register
                your AI systems, see which security duties sit with the provider, with you, or with
                both, assign owners, collect evidence and prove coverage to your auditors.
              </p>
              <div className="mt-8 flex flex-wrap gap-3">
                <Button asChild size="lg">
                  <Link href="/sign-up">
                    Create account
                    <ArrowRight aria-hidden="true" />
                  </Link>
                </Button>
                <Button asChild size="lg" variant="outline">
                  <Link href="/sign-in">Sign in</Link>
                </Button>
              </div>
            </div>

            <figure className="rounded-xl border bg-card p-2 shadow-sm">
              <div className="overflow-x-auto">
                <table className="w-full border-separate border-spacing-0 text-sm">
                  <caption className="px-3 pt-2 pb-3 text-left text-sm font-medium text-foreground">
                    Example: who is responsible, by deployment model
                  </caption>
                  <thead>
                    <tr>
                      <th
                        scope="col"
                        className="border-b px-3 py-2 text-left text-xs font-semibold text-muted-foreground"
                      >
                        Security domain
                      </th>
                      {SAMPLE_COLUMNS.map((column) => (
                        <th
                          key={column}
                          scope="col"
                          className="border-b px-3 py-2 text-left text-xs font-semibold text-muted-foreground"
                        >
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {SAMPLE_ROWS.map((row) => (
                      <tr key={row.domain}>
                        <th
                          scope="row"
                          className="border-b px-3 py-2 text-left font-medium text-foreground"
                        >
                          {row.domain}
                        </th>
                        {row.values.map((value, index) => (
                          <td key={SAMPLE_COLUMNS[index]} className="border-b px-3 py-2">
                            <ResponsibilityBadge value={value} display="code" />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <figcaption className="px-3 pt-3 pb-1">
                <ResponsibilityLegend />
              </figcaption>
            </figure>
          </div>
        </section>

        <section aria-labelledby="how-title" className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="how-title" className="text-2xl font-semibold tracking-tight text-foreground">
            Four steps, from inventory to evidence
          </h2>
          <p className="mt-2 max-w-2xl text-muted-foreground">
            The framework&apos;s own workflow, with the bookkeeping done for you.
          </p>
          <ol className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {STEPS.map((step, index) => (
              <li key={step.title} className="rounded-xl border bg-card p-5">
                <div className="flex items-center gap-3">
                  <span className="flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
                    <step.icon aria-hidden="true" className="size-5" />
                  </span>
                  <span className="text-sm font-medium text-muted-foreground">
                    Step {index + 1}
                  </span>
                </div>
                <h3 className="mt-4 font-semibold text-foreground">{step.title}</h3>
                <p className="mt-1.5 text-sm text-muted-foreground">{step.body}</p>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="values-title" className="border-y bg-surface">
          <div className="mx-auto max-w-6xl px-6 py-16">
            <h2 id="values-title" className="text-2xl font-semibold tracking-tight text-foreground">
              Provider, Customer, Shared, Not applicable
            </h2>
            <p className="mt-2 max-w-2xl text-muted-foreground">
              Every cell of the matrix holds one of four values. Even fully managed SaaS leaves
              duties with you, and a shared domain is only covered when both sides have done their
              part.
            </p>
            <ResponsibilityLegend withDescriptions className="mt-8" />
          </div>
        </section>

        <section aria-labelledby="audience-title" className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="audience-title" className="text-2xl font-semibold tracking-tight text-foreground">
            One workspace for everyone accountable
          </h2>
          <ul className="mt-8 grid gap-4 md:grid-cols-3">
            {AUDIENCES.map((audience) => (
              <li key={audience.title} className="rounded-xl border bg-card p-5">
                <audience.icon aria-hidden="true" className="size-5 text-primary" />
                <h3 className="mt-3 font-semibold text-foreground">{audience.title}</h3>
                <p className="mt-1.5 text-sm text-muted-foreground">{audience.body}</p>
              </li>
            ))}
          </ul>
          <div className="mt-12 flex flex-col items-start justify-between gap-4 rounded-xl bg-slate-900 px-6 py-8 text-white sm:flex-row sm:items-center">
            <div>
              <p className="text-lg font-semibold">Start with your first AI system</p>
              <p className="mt-1 text-sm text-slate-300">
                Create a workspace, register a system and see its obligations in minutes.
              </p>
            </div>
            <Button asChild size="lg" variant="secondary">
              <Link href="/sign-up">Create account</Link>
            </Button>
          </div>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-6 py-8 text-sm text-muted-foreground">
          <p>AI SRM Workspace · Open source, MIT licensed.</p>
          <nav aria-label="Footer">
            <ul className="flex gap-4">
              <li>
                <Link href="/about" className="rounded-sm hover:text-foreground hover:underline">
                  About
                </Link>
              </li>
              <li>
                <Link href="/sign-in" className="rounded-sm hover:text-foreground hover:underline">
                  Sign in
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}

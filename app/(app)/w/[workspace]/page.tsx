import { Grid3x3, KeyRound, ScrollText, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getWorkspaceAuth } from "@/lib/auth/session";
import { getWorkspaceOverview } from "@/lib/server/workspaces/get-workspace-overview";

export const metadata: Metadata = { title: "Overview" };

type Props = { params: Promise<{ workspace: string }> };

// A truthful home until the coverage dashboard arrives: real counts and the areas that exist.
export default async function WorkspaceOverviewPage({ params }: Props) {
  const auth = await getWorkspaceAuth((await params).workspace);
  const overview = await getWorkspaceOverview(auth.workspace.id);
  const base = `/w/${auth.workspace.slug}`;
  const stats = [
    { label: "Members", value: overview.members },
    { label: "AI systems", value: overview.systems },
    ...(can(auth.role, "member.invite")
      ? [{ label: "Pending invitations", value: overview.pendingInvitations }]
      : []),
    ...(can(auth.role, "token.read")
      ? [{ label: "Active API tokens", value: overview.activeTokens }]
      : []),
  ];
  const areas = [
    {
      href: `${base}/frameworks`,
      title: "Framework matrix",
      body: "Who is responsible for each security domain under each deployment model.",
      icon: Grid3x3,
      show: can(auth.role, "framework.read"),
    },
    {
      href: `${base}/settings/members`,
      title: "Members",
      body: "Who works in this workspace and with which role.",
      icon: Users,
      show: can(auth.role, "member.read"),
    },
    {
      href: `${base}/settings/tokens`,
      title: "API tokens",
      body: "Tokens for scripts and integrations using the REST API.",
      icon: KeyRound,
      show: can(auth.role, "token.read"),
    },
    {
      href: `${base}/audit`,
      title: "Audit log",
      body: "Every change, with a hash chain that shows tampering.",
      icon: ScrollText,
      show: can(auth.role, "audit.read"),
    },
  ].filter((area) => area.show);

  return (
    <>
      <PageHeader
        title={auth.workspace.name}
        meta={<Badge variant="accent">Your role: {roleLabel(auth.role)}</Badge>}
        description="Workspace overview. Coverage and gaps appear here once AI systems are registered."
      />
      <section aria-labelledby="stats-heading" className="mb-8">
        <h2 id="stats-heading" className="sr-only">
          Counts
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {stats.map((stat) => (
            <div key={stat.label} className="rounded-xl border bg-card p-4">
              <dt className="text-sm text-muted-foreground">{stat.label}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{stat.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading" className="mb-3 text-base font-semibold">
          Go to
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {areas.map((area) => (
            <li key={area.href}>
              <Card className="h-full">
                <CardHeader>
                  <div className="flex items-center gap-2">
                    <area.icon aria-hidden="true" className="size-4 text-primary" />
                    <CardTitle as="h3">
                      <Link href={area.href} className="underline-offset-4 hover:underline">
                        {area.title}
                      </Link>
                    </CardTitle>
                  </div>
                </CardHeader>
                <CardContent>
                  <CardDescription className="mt-0">{area.body}</CardDescription>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

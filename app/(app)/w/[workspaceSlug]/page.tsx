import type { Metadata } from "next";
import { Suspense } from "react";

import { roleLabel } from "@/components/app-shell/nav-items";
import { WorkspaceOverview } from "@/components/dashboard/workspace-overview";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import {
  loadWorkspaceOverview,
  overviewView,
} from "@/lib/server/dashboard/load-workspace-overview";
import { pageNumber } from "@/lib/view/dashboard/paging";

export const metadata: Metadata = { title: "Overview" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};

/** The search parameter that pages the "Open duties by owner" table. */
const OWNERS_PAGE_PARAM = "owners";

// The coverage dashboard (components/dashboard/workspace-overview.tsx); every role may read it.
// Its numbers are computed once per workspace revision (overview-cache.ts); the first computation
// on a large workspace takes seconds, so the header is sent first and the dashboard streams in.
export default async function WorkspaceOverviewPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "workspace.read");
  const ownersPage = pageNumber((await searchParams)?.[OWNERS_PAGE_PARAM]);
  const workspace = { slug: auth.workspace.slug, name: auth.workspace.name };
  return (
    <>
      <PageHeader
        title={auth.workspace.name}
        meta={<Badge variant="accent">Your role: {roleLabel(auth.role)}</Badge>}
        description="Coverage of your AI systems' security duties: who owns them, what is done, what is proven, and where the gaps are."
      />
      <Suspense fallback={<OverviewSkeleton />}>
        <Overview
          workspaceId={auth.workspace.id}
          workspace={workspace}
          ownersPage={ownersPage}
          canRegisterSystems={can(auth.role, "system.create")}
        />
      </Suspense>
    </>
  );
}

async function Overview(props: {
  workspaceId: string;
  workspace: { slug: string; name: string };
  ownersPage: number;
  canRegisterSystems: boolean;
}) {
  const data = await loadWorkspaceOverview({ workspaceId: props.workspaceId });
  return (
    <WorkspaceOverview
      workspace={props.workspace}
      data={overviewView(data, { ownersPage: props.ownersPage })}
      canRegisterSystems={props.canRegisterSystems}
      ownersPageParam={OWNERS_PAGE_PARAM}
    />
  );
}

function OverviewSkeleton() {
  return (
    <div role="status" className="grid gap-6">
      <span className="sr-only">Loading the coverage dashboard…</span>
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-72 w-full" />
    </div>
  );
}

import type { Metadata } from "next";

import { roleLabel } from "@/components/app-shell/nav-items";
import { WorkspaceOverview } from "@/components/dashboard/workspace-overview";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import {
  loadWorkspaceOverview,
  packOverviewView,
} from "@/lib/server/dashboard/load-workspace-overview";

export const metadata: Metadata = { title: "Overview" };

type Props = { params: Promise<{ workspace: string }> };

// The coverage dashboard (components/dashboard/workspace-overview.tsx); every role may read it.
export default async function WorkspaceOverviewPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspace, "workspace.read");
  const data = await loadWorkspaceOverview({ workspaceId: auth.workspace.id });
  return (
    <>
      <PageHeader
        title={auth.workspace.name}
        meta={<Badge variant="accent">Your role: {roleLabel(auth.role)}</Badge>}
        description="Coverage of your AI systems' security duties: who owns them, what is done, what is proven, and where the gaps are."
      />
      <WorkspaceOverview
        workspace={{ slug: auth.workspace.slug, name: auth.workspace.name }}
        data={packOverviewView(data)}
        canRegisterSystems={can(auth.role, "system.create")}
      />
    </>
  );
}

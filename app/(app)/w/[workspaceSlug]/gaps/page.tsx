import type { Metadata } from "next";

import { GapsExplorer } from "@/components/dashboard/gaps-explorer";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { loadGapFilterOptions, loadGaps } from "@/lib/server/dashboard/load-gaps";
import { parseGapSearch } from "@/lib/view/dashboard/gap-search";

export const metadata: Metadata = { title: "Gaps" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Step four of the framework: every uncovered part with its reasons, filterable and exportable.
export default async function GapsPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "coverage.read");
  const search = parseGapSearch(await searchParams);
  const [data, options] = await Promise.all([
    loadGaps({ workspaceId: auth.workspace.id, search }),
    loadGapFilterOptions(auth.workspace.id),
  ]);
  return (
    <>
      <PageHeader
        title="Gaps"
        description="Every part of a duty that is not covered yet, critical ones first, then by the system's risk tier and the due date. Each row says why and links to the duty."
      />
      <GapsExplorer
        slug={auth.workspace.slug}
        initialSearch={search}
        initialData={data}
        options={options}
        canPlan={can(auth.role, "plan.create")}
      />
    </>
  );
}

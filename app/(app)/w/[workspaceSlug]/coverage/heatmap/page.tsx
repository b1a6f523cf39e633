import type { Metadata } from "next";

import { HeatmapLegend } from "@/components/dashboard/coverage-heatmap";
import { HeatmapTable } from "@/components/dashboard/heatmap-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { loadHeatmap } from "@/lib/server/dashboard/load-heatmap";
import { toHeatmapGrid } from "@/lib/view/dashboard/heatmap-grid";
import { pageNumber } from "@/lib/view/dashboard/paging";

export const metadata: Metadata = { title: "Heat map" };

const PAGE_SIZE = 50;

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Every active system × domain, alphabetically, a page at a time (the overview shows a few).
export default async function HeatmapPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "coverage.read");
  const page = pageNumber((await searchParams).page);
  const data = await loadHeatmap({
    workspaceId: auth.workspace.id,
    now: new Date(),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    order: "name",
  });
  const slug = auth.workspace.slug;
  return (
    <>
      <PageHeader
        title="Heat map"
        description="Coverage state of every duty: AI systems by security domain. Each cell opens that duty on its system's page."
        breadcrumbs={[{ label: "Overview", href: `/w/${slug}` }, { label: "Heat map" }]}
      />
      {/* One shrinkable column: the wide table scrolls inside its frame, not the page. */}
      <div className="grid min-w-0 grid-cols-1 gap-3">
        <HeatmapLegend />
        <HeatmapTable
          slug={slug}
          grid={toHeatmapGrid(data)}
          caption="Coverage state of every duty, AI systems by security domain"
        />
        <Pagination
          page={page}
          pageCount={Math.max(1, Math.ceil(data.totalSystems / PAGE_SIZE))}
          href={`/w/${slug}/coverage/heatmap`}
          totalItems={data.totalSystems}
          itemLabel="systems"
        />
      </div>
    </>
  );
}

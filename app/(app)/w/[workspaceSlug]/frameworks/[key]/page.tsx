import type { Metadata } from "next";

import { FrameworkMatrix } from "@/components/frameworks/framework-matrix";
import { FrameworkPageHeader, headerInfo } from "@/components/frameworks/framework-page-header";
import { columnGroups, frameworkHref, rowCategories } from "@/components/frameworks/framework-view";
import { MatrixFilters } from "@/components/frameworks/matrix-filters";
import { ScaleLegend } from "@/components/frameworks/scale-legend";
import { humanizeKey } from "@/components/frameworks/scale-style";
import { EmptyState } from "@/components/ui/empty-state";
import { firstParam, matrixSearchParamsSchema } from "@/lib/validation/frameworks";

import { loadFrameworkPage } from "../_lib/load-framework-page";

type Props = {
  params: Promise<{ workspaceSlug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const { workspaceSlug, key } = await params;
  const raw = await searchParams;
  const parsed = matrixSearchParamsSchema.safeParse({
    version: firstParam(raw.version),
    group: firstParam(raw.group),
    category: firstParam(raw.category),
  });
  const filters = parsed.success
    ? parsed.data
    : { version: undefined, group: undefined, category: undefined };
  return { data: await loadFrameworkPage(workspaceSlug, key, filters.version), filters };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data } = await load(props);
  return { title: `${data.framework.name} ${data.version.version} matrix` };
}

export default async function FrameworkMatrixPage(props: Props) {
  const { data, filters } = await load(props);
  const { definition } = data;
  const info = headerInfo(data);
  const groups = columnGroups(definition);
  const groupName = new Map(groups.map((g) => [g.key, g.name]));
  // Unknown filter values (e.g. from an old link) are ignored rather than showing an empty grid.
  const group = groups.some((g) => g.key === filters.group) ? filters.group : undefined;
  const categories = rowCategories(definition);
  const category = categories.includes(filters.category ?? "") ? filters.category : undefined;

  const columns = definition.columns.filter((c) => !group || c.group === group);
  const rows = definition.rows.filter((r) => !category || r.category === category);
  const criticalCount = definition.cells.filter((c) => c.critical).length;

  return (
    <>
      <FrameworkPageHeader
        info={info}
        title={definition.name}
        description={
          <>
            <p>{definition.description}</p>
            <p className="mt-1">
              {definition.rows.length} domains × {definition.columns.length} deployment models ·{" "}
              {criticalCount} critical focus {criticalCount === 1 ? "area" : "areas"} · Published by{" "}
              {definition.publisher}
            </p>
          </>
        }
      />
      <MatrixFilters
        action={frameworkHref({ slug: info.slug, key: info.key })}
        versions={data.framework.versions.map((v) => v.version)}
        version={info.version}
        groups={groups.map((g) => ({ value: g.key, label: g.name }))}
        group={group}
        categories={categories.map((c) => ({ value: c, label: humanizeKey(c) }))}
        category={category}
      />
      {rows.length === 0 || columns.length === 0 ? (
        <EmptyState
          title="Nothing matches these filters"
          description="Choose another group or category."
        />
      ) : (
        <FrameworkMatrix
          caption={`${definition.name} ${info.version}: responsibility per security domain and deployment model`}
          scale={definition.scale}
          columns={columns.map((c) => ({
            key: c.key,
            name: c.name,
            shortName: c.shortName,
            groupName: groupName.get(c.group) ?? humanizeKey(c.group),
          }))}
          rows={rows.map((r) => ({
            key: r.key,
            name: r.name,
            category: r.category,
            focus: r.focus,
            keyControls: r.keyControls,
            href: frameworkHref({
              slug: info.slug,
              key: info.key,
              path: `/domains/${encodeURIComponent(r.key)}`,
              version: info.version,
            }),
          }))}
          cells={definition.cells
            .filter(
              (c) =>
                rows.some((r) => r.key === c.row) && columns.some((col) => col.key === c.column),
            )
            .map((c) => ({
              row: c.row,
              column: c.column,
              value: c.value,
              critical: c.critical,
              rationale: c.rationale,
            }))}
        />
      )}
      <div className="mt-6">
        <ScaleLegend scale={definition.scale} showCritical={criticalCount > 0} />
      </div>
    </>
  );
}

import type { Metadata } from "next";

import { FrameworkPageHeader, headerInfo } from "@/components/frameworks/framework-page-header";
import {
  cellIndex,
  cellKey,
  columnGroups,
  frameworkHref,
  scaleIndex,
} from "@/components/frameworks/framework-view";
import { ModelGuideCard } from "@/components/frameworks/model-guide-card";
import { firstParam } from "@/lib/validation/frameworks";

import { loadFrameworkPage } from "../../_lib/load-framework-page";

type Props = {
  params: Promise<{ workspaceSlug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const { workspaceSlug, key } = await params;
  return loadFrameworkPage(workspaceSlug, key, firstParam((await searchParams).version));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  return { title: `Deployment models · ${data.framework.name}` };
}

export default async function DeploymentModelGuidePage(props: Props) {
  const data = await load(props);
  const info = headerInfo(data);
  const { definition } = data;
  const cells = cellIndex(definition);
  const scale = scaleIndex(definition);
  const groups = columnGroups(definition);

  return (
    <>
      <FrameworkPageHeader
        info={info}
        title="Deployment model guide"
        description="How you deploy an AI system decides which security domains are yours. For each model: what it is, typical examples, its variants and risk level, and the domains it puts on your side."
      />
      <div className="space-y-10">
        {groups.map((group) => {
          const columns = definition.columns.filter((c) => c.group === group.key);
          if (columns.length === 0) return null;
          return (
            <section key={group.key} aria-labelledby={`group-${group.key}`}>
              <h2 id={`group-${group.key}`} className="text-lg font-semibold">
                {group.name}
              </h2>
              {group.description ? (
                <p className="mb-4 text-sm text-muted-foreground">{group.description}</p>
              ) : null}
              <div className="grid gap-4 xl:grid-cols-2">
                {columns.map((column) => {
                  // Which domains the model puts on the customer: fully (C) or in part (S).
                  const onSide = (side: "customer" | "both") =>
                    definition.rows
                      .filter((row) => {
                        const cell = cells.get(cellKey(row.key, column.key));
                        return cell !== undefined && scale.get(cell.value)?.side === side;
                      })
                      .map((row) => ({
                        key: row.key,
                        name: row.name,
                        critical: cells.get(cellKey(row.key, column.key))?.critical ?? false,
                        href: frameworkHref({
                          slug: info.slug,
                          key: info.key,
                          path: `/domains/${encodeURIComponent(row.key)}`,
                          version: info.version,
                        }),
                      }));
                  return (
                    <ModelGuideCard
                      key={column.key}
                      column={column}
                      customerDomains={onSide("customer")}
                      sharedDomains={onSide("both")}
                      totalDomains={definition.rows.length}
                    />
                  );
                })}
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}

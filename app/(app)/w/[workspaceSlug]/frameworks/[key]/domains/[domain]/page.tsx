import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { RelatedReferences } from "@/components/crosswalks/related-references";
import { CriticalMarker } from "@/components/frameworks/critical-marker";
import { FrameworkPageHeader, headerInfo } from "@/components/frameworks/framework-page-header";
import {
  cellIndex,
  cellKey,
  columnGroups,
  frameworkHref,
  scaleIndex,
} from "@/components/frameworks/framework-view";
import { ScaleBadge } from "@/components/frameworks/scale-badge";
import { humanizeKey } from "@/components/frameworks/scale-style";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { referencesForRow } from "@/lib/crosswalks/active-mapping";
import { loadActiveMapping } from "@/lib/server/crosswalks/load-active-mapping";
import { firstParam } from "@/lib/validation/frameworks";

import { loadFrameworkPage } from "../../../_lib/load-framework-page";

type Props = {
  params: Promise<{ workspaceSlug: string; key: string; domain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const { workspaceSlug, key, domain } = await params;
  const data = await loadFrameworkPage(
    workspaceSlug,
    key,
    firstParam((await searchParams).version),
  );
  const row = data.definition.rows.find((r) => r.key === domain);
  if (!row) notFound();
  return { data, row };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data, row } = await load(props);
  return { title: `${row.name} · ${data.framework.name}` };
}

export default async function FrameworkDomainPage(props: Props) {
  const { data, row } = await load(props);
  const info = headerInfo(data);
  const { definition } = data;
  const cells = cellIndex(definition);
  const scale = scaleIndex(definition);
  const groupName = new Map(columnGroups(definition).map((g) => [g.key, g.name]));
  const layer = definition.rowGroups?.find((g) => g.key === row.group);

  return (
    <>
      <FrameworkPageHeader
        info={info}
        title={row.name}
        description={row.focus}
        crumbs={[
          {
            label: "Domains",
            href: frameworkHref({
              slug: info.slug,
              key: info.key,
              path: "/domains",
              version: info.version,
            }),
          },
          { label: row.name },
        ]}
      />
      <dl className="mb-6 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-muted-foreground">Category</dt>
          <dd className="font-medium">{humanizeKey(row.category)}</dd>
        </div>
        {layer ? (
          <div>
            <dt className="text-muted-foreground">Layer</dt>
            <dd className="font-medium">{layer.name}</dd>
          </div>
        ) : null}
      </dl>
      {row.description ? <p className="mb-6 max-w-3xl text-sm">{row.description}</p> : null}
      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Key controls</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {row.keyControls.map((control) => (
                <li key={control}>{control}</li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>AI-specific considerations</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {row.considerations.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
      <RelatedReferences
        open
        references={referencesForRow(
          await loadActiveMapping(data.auth.workspace.id),
          data.framework.key,
          row.key,
        )}
      />
      <h2 className="mt-6 mb-3 text-lg font-semibold">Who holds it, per deployment model</h2>
      <Table label={`${row.name} across deployment models`}>
        <TableHeader>
          <TableRow>
            <TableHead>Deployment model</TableHead>
            <TableHead>Responsibility</TableHead>
            <TableHead>Why</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {definition.columns.map((column) => {
            const cell = cells.get(cellKey(row.key, column.key));
            return (
              <TableRow key={column.key}>
                <TableHead
                  scope="row"
                  className="h-auto py-2.5 text-sm font-medium tracking-normal whitespace-normal text-foreground normal-case"
                >
                  {column.name}
                  <span className="block text-xs font-normal text-muted-foreground">
                    {groupName.get(column.group) ?? humanizeKey(column.group)}
                  </span>
                </TableHead>
                <TableCell>
                  <div className="flex flex-wrap items-center gap-2">
                    {cell ? <ScaleBadge code={cell.value} entry={scale.get(cell.value)} /> : "–"}
                    {cell?.critical ? <CriticalMarker /> : null}
                  </div>
                </TableCell>
                <TableCell className="text-sm text-muted-foreground">
                  {cell?.rationale ?? ""}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}

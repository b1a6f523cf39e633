import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { FrameworkPageHeader, headerInfo } from "@/components/frameworks/framework-page-header";
import { frameworkHref, scaleIndex } from "@/components/frameworks/framework-view";
import { ScaleBadge } from "@/components/frameworks/scale-badge";
import { SIDE_LABEL } from "@/components/frameworks/scale-style";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { firstParam } from "@/lib/validation/frameworks";

import { loadFrameworkPage } from "../../_lib/load-framework-page";

type Props = {
  params: Promise<{ workspaceSlug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const { workspaceSlug, key } = await params;
  const data = await loadFrameworkPage(
    workspaceSlug,
    key,
    firstParam((await searchParams).version),
  );
  // Only layered frameworks (row groups) have this page.
  if (!data.definition.rowGroups || data.definition.rowGroups.length === 0) notFound();
  return data;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  return { title: `Layers and parties · ${data.framework.name}` };
}

export default async function FrameworkLayersPage(props: Props) {
  const data = await load(props);
  const info = headerInfo(data);
  const { definition } = data;
  const scale = scaleIndex(definition);
  const parties = definition.parties ?? [];
  const partyName = new Map(parties.map((p) => [p.key, p.name]));
  const layers = definition.rowGroups ?? [];

  return (
    <>
      <FrameworkPageHeader
        info={info}
        title="Layers and parties"
        description="The model splits security into layers, from building the model to governing its use, and names who holds each responsibility."
      />
      {parties.length > 0 ? (
        <section aria-labelledby="parties-heading" className="mb-10">
          <h2 id="parties-heading" className="mb-3 text-lg font-semibold">
            Parties
          </h2>
          <ul className="grid gap-3 md:grid-cols-3">
            {parties.map((party) => (
              <li key={party.key} className="rounded-lg border bg-card p-4">
                <p className="font-medium">{party.name}</p>
                <Badge
                  variant={party.side === "provider" ? "provider" : "customer"}
                  className="mt-1"
                >
                  {SIDE_LABEL[party.side]}
                </Badge>
                <p className="mt-2 text-sm text-muted-foreground">{party.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="space-y-10">
        {layers.map((layer, index) => {
          const rows = definition.rows.filter((row) => row.group === layer.key);
          return (
            <section key={layer.key} aria-labelledby={`layer-${layer.key}`}>
              <div className="mb-2 flex flex-wrap items-center gap-2">
                <h2 id={`layer-${layer.key}`} className="text-lg font-semibold">
                  Layer {index + 1}: {layer.name}
                </h2>
                {layer.side ? <Badge variant="outline">{SIDE_LABEL[layer.side]}</Badge> : null}
              </div>
              <p className="mb-1 max-w-3xl text-sm">{layer.description}</p>
              {layer.examples && layer.examples.length > 0 ? (
                <p className="mb-3 text-sm text-muted-foreground">
                  Examples: {layer.examples.join(", ")}
                </p>
              ) : null}
              <Table label={`Responsibilities in ${layer.name}`}>
                <TableHeader>
                  <TableRow>
                    <TableHead>Responsibility</TableHead>
                    <TableHead>Value</TableHead>
                    <TableHead>Held by</TableHead>
                    <TableHead>Key controls</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => {
                    const rowCells = definition.cells.filter((cell) => cell.row === row.key);
                    const holders = [...new Set(rowCells.flatMap((cell) => cell.parties ?? []))];
                    return (
                      <TableRow key={row.key}>
                        <TableCell className="font-medium">
                          <Link
                            href={frameworkHref({
                              slug: info.slug,
                              key: info.key,
                              path: `/domains/${encodeURIComponent(row.key)}`,
                              version: info.version,
                            })}
                            className="text-primary hover:underline"
                          >
                            {row.name}
                          </Link>
                        </TableCell>
                        <TableCell>
                          <div className="flex flex-wrap gap-1">
                            {[...new Set(rowCells.map((cell) => cell.value))].map((value) => (
                              <ScaleBadge key={value} code={value} entry={scale.get(value)} />
                            ))}
                          </div>
                        </TableCell>
                        <TableCell className="text-sm">
                          {holders.length > 0
                            ? holders.map((key) => partyName.get(key) ?? key).join(", ")
                            : "—"}
                        </TableCell>
                        <TableCell className="text-sm text-muted-foreground">
                          {row.keyControls.join("; ")}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </section>
          );
        })}
      </div>
    </>
  );
}

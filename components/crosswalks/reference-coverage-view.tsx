import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import {
  type CatalogueCoverage,
  percentText,
  type ReferenceCoverageReport,
} from "@/lib/view/crosswalks/references";

/** Catalogue switcher: one link per catalogue, the selected one marked as the current page. */
function CatalogueTabs({
  slug,
  report,
  selected,
}: {
  slug: string;
  report: ReferenceCoverageReport;
  selected: string;
}) {
  return (
    <nav aria-label="Catalogues" className="mb-6 border-b">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {report.catalogues.map((c) => (
          <li key={c.key}>
            <Link
              href={`/w/${slug}/standards?catalogue=${encodeURIComponent(c.key)}`}
              aria-current={c.key === selected ? "page" : undefined}
              className={
                c.key === selected
                  ? "inline-block border-b-2 border-primary px-1 pb-2 text-sm font-medium"
                  : "inline-block border-b-2 border-transparent px-1 pb-2 text-sm text-muted-foreground hover:text-foreground"
              }
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CatalogueHeadline({ catalogue }: { catalogue: CatalogueCoverage }) {
  const s = catalogue.summary;
  return (
    <section
      aria-labelledby="catalogue-heading"
      className="grid min-w-0 grid-cols-1 gap-3 rounded-xl border bg-card p-4"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="catalogue-heading" className="text-lg font-semibold">
          {catalogue.name}
        </h2>
        <Badge variant="outline">{catalogue.version}</Badge>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3" data-testid="catalogue-headline">
        <div>
          <dt className="text-sm text-muted-foreground">Coverage of related duties</dt>
          <dd className="text-3xl font-semibold tabular-nums" data-testid="catalogue-coverage">
            {percentText(s.coverage)}
          </dd>
          <dd className="text-xs text-muted-foreground">
            {s.coveredDuties} of {s.totalDuties} duties covered (each duty counted once)
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted-foreground">Entries related to your domains</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            {catalogue.mappedEntries} of {catalogue.entryCount}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted-foreground">Entries fully covered</dt>
          <dd className="text-2xl font-semibold tabular-nums">{catalogue.fullyCoveredEntries}</dd>
        </div>
      </dl>
      <p className="text-xs text-muted-foreground">
        {catalogue.attribution ?? catalogue.publisher}. {catalogue.licenseName}.{" "}
        {catalogue.note ? `${catalogue.note} ` : ""}
        <a className="underline" href={catalogue.sourceUrl} rel="noopener noreferrer">
          Source
        </a>
      </p>
    </section>
  );
}

/**
 * Coverage by external reference: the selected catalogue's headline and one row per entry with
 * the domains it relates to and the coverage of their duties; each entry links to its gaps.
 */
export function ReferenceCoverageView({
  slug,
  report,
  selected,
}: {
  slug: string;
  report: ReferenceCoverageReport;
  selected: string;
}) {
  const catalogue = report.catalogues.find((c) => c.key === selected);
  if (!catalogue) return null;
  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <CatalogueTabs slug={slug} report={report} selected={selected} />
        <CatalogueHeadline catalogue={catalogue} />
      </div>
      <Table>
        <TableCaption className="sr-only">
          Coverage of each {catalogue.name} entry across the duties of its related domains
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Entry</TableHead>
            <TableHead>Related domains</TableHead>
            <TableHead className="text-right">Duties</TableHead>
            <TableHead className="text-right">Coverage</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {catalogue.entries.map((entry) => (
            <TableRow key={entry.id} id={`ref-${catalogue.key}-${entry.id}`}>
              <TableCell className="whitespace-normal">
                <span className="font-mono text-xs">{entry.id}</span>{" "}
                <span className="font-medium">{entry.title}</span>
                {entry.group ? (
                  <span className="block text-xs text-muted-foreground">{entry.group}</span>
                ) : null}
              </TableCell>
              <TableCell className="text-sm whitespace-normal">
                {entry.domains.length === 0 ? (
                  <span className="text-muted-foreground">Not related to any domain</span>
                ) : (
                  entry.domains.map((d) => d.name).join(", ")
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">{entry.summary.totalDuties}</TableCell>
              <TableCell className="text-right tabular-nums">
                {entry.summary.totalDuties === 0 ? (
                  "—"
                ) : (
                  <Link
                    className="underline"
                    href={`/w/${slug}/gaps?reference=${encodeURIComponent(`${catalogue.key}:${entry.id}`)}`}
                    aria-label={`${percentText(entry.summary.coverage)} covered: gaps of ${entry.id}`}
                  >
                    {percentText(entry.summary.coverage)}
                  </Link>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * View shapes and words for crosswalks and coverage by external reference, shared by pages,
 * CSV files, the evidence bundle's report and the PDF report. Plain data: no React, no server code.
 */
import type { Relationship } from "@/lib/crosswalks/schema";
import type { CoverageSummary } from "@/lib/domain/coverage-reference";

/** How a domain relates to an entry, read as "<domain> … <entry>". */
export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  "equivalent-to": "Equivalent to",
  "subset-of": "Part of",
  "superset-of": "Contains",
  "intersects-with": "Overlaps with",
};

export function relationshipLabel(value: string): string {
  return RELATIONSHIP_LABELS[value as Relationship] ?? value;
}

/** "cosai-risk-map: controlX" → "CoSAI control controlX"; used where space is short. */
export function derivationLabel(text: string): string {
  return text
    .replace(/^cosai-risk-map: /, "via CoSAI ")
    .replace(/^finos-ai-governance-framework: /, "via FINOS ");
}

export type MappedDomain = { framework: string; row: string; name: string };

export type EntryCoverage = {
  id: string;
  title: string;
  group: string | null;
  /** The framework rows the entry relates to; empty when no crosswalk maps it. */
  domains: MappedDomain[];
  /** Over the duties of those domains; zero parts (null rates) when none exist. */
  summary: CoverageSummary;
};

export type CatalogueCoverage = {
  key: string;
  name: string;
  version: string;
  publisher: string;
  licenseName: string;
  attribution: string | null;
  sourceUrl: string;
  note: string | null;
  /** Each duty counted once, whichever entries relate to it. */
  summary: CoverageSummary;
  entryCount: number;
  /** Entries some crosswalk relates to a domain. */
  mappedEntries: number;
  /** Mapped entries with at least one duty, all of them covered. */
  fullyCoveredEntries: number;
  entries: EntryCoverage[];
};

export type ReferenceCoverageReport = {
  computedAt: string;
  crosswalks: { key: string; name: string; version: string; builtIn: boolean }[];
  catalogues: CatalogueCoverage[];
};

export function percentText(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)} %`;
}

/** "LLM01:2025 Prompt Injection: 72 % covered across 40 duties". */
export function entryCoverageSentence(entry: Pick<EntryCoverage, "id" | "title" | "summary">) {
  const duties = entry.summary.totalDuties;
  const head = `${entry.id} ${entry.title}`;
  if (duties === 0) return `${head}: no duties in scope`;
  return `${head}: ${percentText(entry.summary.coverage)} covered across ${duties} ${duties === 1 ? "duty" : "duties"}`;
}

/** A catalogue's coverage as plain text, one line per entry (command line, closing notes). */
export function formatCatalogueCoverage(catalogue: CatalogueCoverage): string {
  const s = catalogue.summary;
  const lines = [
    `${catalogue.name} ${catalogue.version}: ${percentText(s.coverage)} covered across ${s.totalDuties} duties ` +
      `(each duty once); ${catalogue.mappedEntries} of ${catalogue.entryCount} entries related, ` +
      `${catalogue.fullyCoveredEntries} fully covered`,
    ...catalogue.entries.map((entry) => `  ${entryCoverageSentence(entry)}`),
  ];
  return `${lines.join("\n")}\n`;
}

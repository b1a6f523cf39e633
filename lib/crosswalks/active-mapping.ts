/**
 * The mapping a workspace uses: the newest version of every crosswalk it can see, merged. Pure, so
 * views, exports and tests share one definition of "which references relate to this duty".
 *
 * Merge rule (docs/crosswalk-format.md): a catalogue is identified by its key. When several
 * crosswalks declare one, the first in `crosswalks` order (built-ins first, then by key) gives its
 * name, version, licence and entry titles; entries only the others list are appended. Imports
 * refuse a catalogue key that another visible crosswalk declares with a different version, so the
 * merged catalogues are never two versions of one standard. Edges from all crosswalks count; the
 * same pair in two crosswalks appears once per crosswalk in `edges` and once in `pairs`.
 */
import type {
  Catalogue,
  CatalogueEntry,
  CrosswalkDefinition,
  CrosswalkEdge,
} from "@/lib/crosswalks/schema";

export type ActiveCrosswalk = {
  key: string;
  name: string;
  version: string;
  publisher: string;
  builtIn: boolean;
  definitionHash: string;
};

export type MappedEdge = CrosswalkEdge & { crosswalk: string };

export type ActiveMapping = {
  crosswalks: ActiveCrosswalk[];
  catalogues: Catalogue[];
  edges: MappedEdge[];
};

/** One (framework, row) ↔ (catalogue, entry) pair, whichever crosswalks state it. */
export type MappingPair = { framework: string; row: string; catalogue: string; entry: string };

export const EMPTY_MAPPING: ActiveMapping = { crosswalks: [], catalogues: [], edges: [] };

export function mergeCrosswalks(
  list: readonly { crosswalk: ActiveCrosswalk; definition: CrosswalkDefinition }[],
): ActiveMapping {
  const ordered = [...list].sort(
    (a, b) =>
      Number(b.crosswalk.builtIn) - Number(a.crosswalk.builtIn) ||
      (a.crosswalk.key < b.crosswalk.key ? -1 : a.crosswalk.key > b.crosswalk.key ? 1 : 0),
  );
  const catalogues = new Map<string, Catalogue & { entries: CatalogueEntry[] }>();
  for (const { definition } of ordered) {
    for (const catalogue of definition.catalogues) {
      const existing = catalogues.get(catalogue.key);
      if (!existing) {
        catalogues.set(catalogue.key, { ...catalogue, entries: [...catalogue.entries] });
        continue;
      }
      const known = new Set(existing.entries.map((e) => e.id));
      existing.entries.push(...catalogue.entries.filter((e) => !known.has(e.id)));
    }
  }
  return {
    crosswalks: ordered.map((item) => item.crosswalk),
    catalogues: [...catalogues.values()],
    edges: ordered.flatMap(({ crosswalk, definition }) =>
      definition.edges.map((edge) => ({ ...edge, crosswalk: crosswalk.key })),
    ),
  };
}

const pairKey = (p: MappingPair) =>
  `${p.framework}\u0000${p.row}\u0000${p.catalogue}\u0000${p.entry}`;

/** Distinct pairs, in edge order. */
export function mappingPairs(mapping: ActiveMapping): MappingPair[] {
  const seen = new Map<string, MappingPair>();
  for (const { framework, row, catalogue, entry } of mapping.edges) {
    const pair = { framework, row, catalogue, entry };
    if (!seen.has(pairKey(pair))) seen.set(pairKey(pair), pair);
  }
  return [...seen.values()];
}

export function findCatalogue(mapping: ActiveMapping, key: string): Catalogue | undefined {
  return mapping.catalogues.find((c) => c.key === key);
}

export function findEntry(
  mapping: ActiveMapping,
  catalogue: string,
  entry: string,
): CatalogueEntry | undefined {
  return findCatalogue(mapping, catalogue)?.entries.find((e) => e.id === entry);
}

/** A reference as URLs and CSV files spell it: `<catalogue>:<entry>` (the entry may hold ':'). */
export function referenceKey(catalogue: string, entry: string): string {
  return `${catalogue}:${entry}`;
}

export function parseReferenceKey(value: string): { catalogue: string; entry: string } | null {
  const colon = value.indexOf(":");
  if (colon <= 0 || colon === value.length - 1) return null;
  return { catalogue: value.slice(0, colon), entry: value.slice(colon + 1) };
}

/** A related reference of a row, with what the view and exports show. */
export type RelatedReference = {
  catalogue: string;
  catalogueName: string;
  entry: string;
  title: string;
  group: string | null;
  relationship: string;
  rationale: string;
  /** "cosai-risk-map: controlX", "finos-ai-governance-framework: mi-3 → ri-10" … */
  derivedFrom: string[];
  crosswalk: string;
};

/** Every reference related to one row of one framework, in catalogue and entry order. */
export function referencesForRow(
  mapping: ActiveMapping,
  framework: string,
  row: string,
): RelatedReference[] {
  const catalogueIndex = new Map(mapping.catalogues.map((c, i) => [c.key, i]));
  const entryIndex = new Map(
    mapping.catalogues.flatMap((c) =>
      c.entries.map((e, i) => [`${c.key}\u0000${e.id}`, i] as const),
    ),
  );
  const position = (e: CrosswalkEdge): [number, number] => [
    catalogueIndex.get(e.catalogue) ?? Number.MAX_SAFE_INTEGER,
    entryIndex.get(`${e.catalogue}\u0000${e.entry}`) ?? Number.MAX_SAFE_INTEGER,
  ];
  return mapping.edges
    .filter((edge) => edge.framework === framework && edge.row === row)
    .sort((a, b) => {
      const [ca, ea] = position(a);
      const [cb, eb] = position(b);
      return ca - cb || ea - eb;
    })
    .map((edge) => {
      const catalogue = findCatalogue(mapping, edge.catalogue);
      const entry = catalogue?.entries.find((e) => e.id === edge.entry);
      return {
        catalogue: edge.catalogue,
        catalogueName: catalogue?.name ?? edge.catalogue,
        entry: edge.entry,
        title: entry?.title ?? edge.entry,
        group: entry?.group ?? null,
        relationship: edge.relationship,
        rationale: edge.rationale,
        derivedFrom: (edge.derivedFrom ?? []).map(
          (d) => `${d.provenance}: ${d.via.map((step) => step.id).join(" → ")}`,
        ),
        crosswalk: edge.crosswalk,
      };
    });
}

/**
 * The rows a reference applies to, per framework, and the union of their keys. Row keys are
 * distinct across one crosswalk's sources (validation), which is what lets a domain-key filter
 * (the gap list's) select exactly the duties the reference applies to.
 */
export function rowsForReference(
  mapping: ActiveMapping,
  catalogue: string,
  entry: string,
): { byFramework: Map<string, string[]>; rows: string[] } {
  const byFramework = new Map<string, string[]>();
  for (const pair of mappingPairs(mapping)) {
    if (pair.catalogue !== catalogue || pair.entry !== entry) continue;
    const list = byFramework.get(pair.framework) ?? [];
    if (!list.includes(pair.row)) list.push(pair.row);
    byFramework.set(pair.framework, list);
  }
  return { byFramework, rows: [...new Set([...byFramework.values()].flat())] };
}

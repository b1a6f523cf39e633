/**
 * Compare two crosswalk versions: exactly which edges were added, removed or changed (and in which
 * fields), which catalogues, catalogue entries and source frameworks changed. Edges are identified
 * by framework, row, catalogue and entry (`edgeId`), so a reordered file has no changes.
 */
import { type CrosswalkDefinition, type CrosswalkEdge, edgeId } from "@/lib/crosswalks/schema";
import { sortedDerivations } from "@/lib/crosswalks/serialize";

export type EdgeRef = Pick<CrosswalkEdge, "framework" | "row" | "catalogue" | "entry">;
export type EdgeFieldChange = {
  field: "relationship" | "rationale" | "derivedFrom";
  from: string;
  to: string;
};
export type EdgeChange = EdgeRef & { changes: EdgeFieldChange[] };

export type CatalogueChange = {
  key: string;
  /** Fields of the catalogue itself (name, version, licence …) that differ. */
  fields: string[];
  addedEntries: string[];
  removedEntries: string[];
  /** Entries whose title or group changed. */
  changedEntries: string[];
};

export type CrosswalkDiff = {
  addedEdges: CrosswalkEdge[];
  removedEdges: CrosswalkEdge[];
  changedEdges: EdgeChange[];
  addedCatalogues: string[];
  removedCatalogues: string[];
  changedCatalogues: CatalogueChange[];
  /** "framework@version" of sources only in one of the two. */
  addedSources: string[];
  removedSources: string[];
  /** Top-level fields (name, description, licence, provenance …) that differ. */
  changedFields: string[];
  hasChanges: boolean;
};

const json = (value: unknown) => JSON.stringify(value ?? null);

function derivationText(edge: CrosswalkEdge): string {
  return sortedDerivations(edge.derivedFrom)
    .map((d) => `${d.provenance}: ${d.via.map((step) => step.id).join(" → ")}`)
    .join("; ");
}

function diffEdges(a: CrosswalkDefinition, b: CrosswalkDefinition) {
  const before = new Map(a.edges.map((edge) => [edgeId(edge), edge]));
  const after = new Map(b.edges.map((edge) => [edgeId(edge), edge]));
  const addedEdges = b.edges.filter((edge) => !before.has(edgeId(edge)));
  const removedEdges = a.edges.filter((edge) => !after.has(edgeId(edge)));
  const changedEdges: EdgeChange[] = [];
  for (const edge of b.edges) {
    const old = before.get(edgeId(edge));
    if (!old) continue;
    const changes: EdgeFieldChange[] = [];
    if (old.relationship !== edge.relationship) {
      changes.push({ field: "relationship", from: old.relationship, to: edge.relationship });
    }
    if (old.rationale !== edge.rationale) {
      changes.push({ field: "rationale", from: old.rationale, to: edge.rationale });
    }
    const [from, to] = [derivationText(old), derivationText(edge)];
    if (from !== to) changes.push({ field: "derivedFrom", from, to });
    if (changes.length > 0) {
      const { framework, row, catalogue, entry } = edge;
      changedEdges.push({ framework, row, catalogue, entry, changes });
    }
  }
  return { addedEdges, removedEdges, changedEdges };
}

function diffCatalogues(a: CrosswalkDefinition, b: CrosswalkDefinition) {
  const before = new Map(a.catalogues.map((c) => [c.key, c]));
  const after = new Map(b.catalogues.map((c) => [c.key, c]));
  const changedCatalogues: CatalogueChange[] = [];
  for (const catalogue of b.catalogues) {
    const old = before.get(catalogue.key);
    if (!old) continue;
    const fields = (["name", "version", "publisher", "license", "source", "note"] as const).filter(
      (field) => json(old[field]) !== json(catalogue[field]),
    );
    const oldEntries = new Map(old.entries.map((e) => [e.id, e]));
    const newEntries = new Map(catalogue.entries.map((e) => [e.id, e]));
    const change: CatalogueChange = {
      key: catalogue.key,
      fields,
      addedEntries: catalogue.entries.filter((e) => !oldEntries.has(e.id)).map((e) => e.id),
      removedEntries: old.entries.filter((e) => !newEntries.has(e.id)).map((e) => e.id),
      changedEntries: catalogue.entries
        .filter((e) => {
          const previous = oldEntries.get(e.id);
          return previous !== undefined && json(previous) !== json(e);
        })
        .map((e) => e.id),
    };
    const changed =
      fields.length +
      change.addedEntries.length +
      change.removedEntries.length +
      change.changedEntries.length;
    if (changed > 0) changedCatalogues.push(change);
  }
  return {
    addedCatalogues: b.catalogues.filter((c) => !before.has(c.key)).map((c) => c.key),
    removedCatalogues: a.catalogues.filter((c) => !after.has(c.key)).map((c) => c.key),
    changedCatalogues,
  };
}

export function diffCrosswalks(a: CrosswalkDefinition, b: CrosswalkDefinition): CrosswalkDiff {
  const ref = (s: { framework: string; version: string }) => `${s.framework}@${s.version}`;
  const sourcesA = new Set(a.sources.map(ref));
  const sourcesB = new Set(b.sources.map(ref));
  const changedFields = (
    [
      "name",
      "publisher",
      "releasedOn",
      "license",
      "description",
      "method",
      "matchingRationale",
      "provenance",
    ] as const
  ).filter((field) => json(a[field]) !== json(b[field]));
  const edges = diffEdges(a, b);
  const catalogues = diffCatalogues(a, b);
  const addedSources = [...sourcesB].filter((s) => !sourcesA.has(s));
  const removedSources = [...sourcesA].filter((s) => !sourcesB.has(s));
  const hasChanges =
    edges.addedEdges.length + edges.removedEdges.length + edges.changedEdges.length > 0 ||
    catalogues.addedCatalogues.length + catalogues.removedCatalogues.length > 0 ||
    catalogues.changedCatalogues.length > 0 ||
    addedSources.length + removedSources.length + changedFields.length > 0;
  return { ...edges, ...catalogues, addedSources, removedSources, changedFields, hasChanges };
}

/** Plain-text report for the command line: one line per changed edge, named by its id. */
export function formatCrosswalkDiff(diff: CrosswalkDiff, labels: { from: string; to: string }) {
  const lines = [`Crosswalk changes from ${labels.from} to ${labels.to}`];
  if (!diff.hasChanges) return `${lines[0]}: none.\n`;
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push("", `${title} (${items.length}):`, ...items.map((item) => `  ${item}`));
  };
  section(
    "Added edges",
    diff.addedEdges.map((e) => `+ ${edgeId(e)} [${e.relationship}]`),
  );
  section(
    "Removed edges",
    diff.removedEdges.map((e) => `- ${edgeId(e)} [${e.relationship}]`),
  );
  section(
    "Changed edges",
    diff.changedEdges.map(
      (e) =>
        `~ ${edgeId(e)}: ` +
        e.changes
          .map((c) => (c.field === "relationship" ? `relationship ${c.from} → ${c.to}` : c.field))
          .join(", "),
    ),
  );
  section("Added catalogues", diff.addedCatalogues);
  section("Removed catalogues", diff.removedCatalogues);
  section(
    "Changed catalogues",
    diff.changedCatalogues.map((c) =>
      [
        c.key,
        c.fields.length ? `fields: ${c.fields.join(", ")}` : "",
        c.addedEntries.length ? `added entries: ${c.addedEntries.join(", ")}` : "",
        c.removedEntries.length ? `removed entries: ${c.removedEntries.join(", ")}` : "",
        c.changedEntries.length ? `retitled entries: ${c.changedEntries.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    ),
  );
  section("Added sources", diff.addedSources);
  section("Removed sources", diff.removedSources);
  section("Changed fields", diff.changedFields);
  return `${lines.join("\n")}\n`;
}

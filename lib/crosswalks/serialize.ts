/**
 * Canonical export of a crosswalk. Fixed key order, optional fields left out when unset, the
 * author's order of sources, provenance, catalogues and entries (their display order), and edges
 * sorted by source framework (in `sources` order), row key (code units), catalogue (in
 * `catalogues` order) and entry (in the catalogue's order). Derivations within an edge are sorted
 * too. So export → import → export gives the same bytes, and equal content hashes to equal value.
 */
import { createHash } from "node:crypto";

import { stringify } from "yaml";

import type {
  Catalogue,
  CrosswalkDefinition,
  CrosswalkEdge,
  CrosswalkLicense,
  Derivation,
  Provenance,
} from "@/lib/crosswalks/schema";

type Plain = Record<string, unknown>;

function ordered<T extends object>(source: T, keys: readonly (keyof T & string)[]): Plain {
  const out: Plain = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const licenseKeys = [
  "spdx",
  "name",
  "url",
  "noticeFile",
  "attribution",
] as const satisfies (keyof CrosswalkLicense)[];

function canonicalLicense(license: CrosswalkLicense): Plain {
  return ordered(license, licenseKeys);
}

function canonicalCatalogue(catalogue: Catalogue): Plain {
  return {
    ...ordered(catalogue, ["key", "name", "version", "publisher"]),
    license: canonicalLicense(catalogue.license),
    source: ordered(catalogue.source, ["url", "reference"]),
    ...ordered(catalogue, ["note"]),
    entries: catalogue.entries.map((entry) => ordered(entry, ["id", "title", "group"])),
  };
}

function canonicalProvenance(p: Provenance): Plain {
  return {
    ...ordered(p, ["key", "name", "publisher", "version"]),
    license: canonicalLicense(p.license),
    source: ordered(p.source, ["url", "reference"]),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function derivationKey(d: Derivation): string {
  return `${d.provenance}\u0000${d.via.map((step) => step.id).join("\u0000")}`;
}

/** An edge's derivations in canonical order (by provenance, then the ids along the path). */
export function sortedDerivations(list: readonly Derivation[] | undefined): Derivation[] {
  return [...(list ?? [])].sort((a, b) => compareText(derivationKey(a), derivationKey(b)));
}

function canonicalEdge(edge: CrosswalkEdge): Plain {
  const out = ordered(edge, [
    "framework",
    "row",
    "catalogue",
    "entry",
    "relationship",
    "rationale",
  ]);
  if (edge.derivedFrom && edge.derivedFrom.length > 0) {
    out.derivedFrom = sortedDerivations(edge.derivedFrom).map((d) => ({
      provenance: d.provenance,
      via: d.via.map((step) => ordered(step, ["id", "title"])),
    }));
  }
  return out;
}

/** Edges in canonical order; unknown frameworks, catalogues or entries sort last, stably. */
export function sortEdges(def: CrosswalkDefinition): CrosswalkEdge[] {
  const last = Number.MAX_SAFE_INTEGER;
  const sourceIndex = new Map(def.sources.map((s, i) => [s.framework, i]));
  const catalogueIndex = new Map(def.catalogues.map((c, i) => [c.key, i]));
  const entryIndex = new Map(
    def.catalogues.flatMap((c) => c.entries.map((e, i) => [`${c.key}\u0000${e.id}`, i] as const)),
  );
  return [...def.edges].sort(
    (a, b) =>
      (sourceIndex.get(a.framework) ?? last) - (sourceIndex.get(b.framework) ?? last) ||
      compareText(a.framework, b.framework) ||
      compareText(a.row, b.row) ||
      (catalogueIndex.get(a.catalogue) ?? last) - (catalogueIndex.get(b.catalogue) ?? last) ||
      compareText(a.catalogue, b.catalogue) ||
      (entryIndex.get(`${a.catalogue}\u0000${a.entry}`) ?? last) -
        (entryIndex.get(`${b.catalogue}\u0000${b.entry}`) ?? last) ||
      compareText(a.entry, b.entry),
  );
}

/** The canonical plain-object form of a crosswalk. */
export function canonicalizeCrosswalk(def: CrosswalkDefinition): Plain {
  const top: Plain = {
    ...ordered(def, ["format", "key", "name", "version", "releasedOn", "publisher"]),
    license: canonicalLicense(def.license),
    description: def.description,
    ...ordered(def, ["method", "matchingRationale"]),
    sources: def.sources.map((s) => ordered(s, ["framework", "version"])),
  };
  if (def.provenance !== undefined) top.provenance = def.provenance.map(canonicalProvenance);
  top.catalogues = def.catalogues.map(canonicalCatalogue);
  top.edges = sortEdges(def).map(canonicalEdge);
  return top;
}

export function crosswalkCanonicalJson(def: CrosswalkDefinition): string {
  return JSON.stringify(canonicalizeCrosswalk(def));
}

/** SHA-256 (hex) of the canonical JSON; equal hashes mean the same crosswalk content. */
export function crosswalkHash(def: CrosswalkDefinition): string {
  return createHash("sha256").update(crosswalkCanonicalJson(def), "utf8").digest("hex");
}

/** Readable canonical file content; export → import → export yields the same bytes. */
export function serializeCrosswalk(def: CrosswalkDefinition, format: "json" | "yaml"): string {
  const canonical = canonicalizeCrosswalk(def);
  if (format === "json") return `${JSON.stringify(canonical, null, 2)}\n`;
  return stringify(canonical, { version: "1.2", lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * The app's own crosswalk format ("ai-srm-crosswalk/1"): a versioned set of edges from the rows
 * (security domains, responsibilities) of one or more frameworks to entries of external reference
 * catalogues (OWASP LLM Top 10, MITRE ATLAS, NIST AI RMF, ISO/IEC 42001 Annex A, EU AI Act …).
 * docs/crosswalk-format.md describes every field.
 *
 * A crosswalk file carries its target catalogues (ids and short titles, with version, licence and
 * attribution), so a file is self-contained: it can be checked, diffed and exported without
 * anything but the source frameworks it names.
 *
 * This schema checks shape only; `validate.ts` checks cross-references (edge → source row,
 * catalogue, entry, relationship, provenance) so that every problem can be named by path.
 * Objects are strict for the same reason as framework definitions: a misspelt field must be
 * reported, not silently dropped on the next export.
 */
import { z } from "zod";

export const CROSSWALK_FORMAT = "ai-srm-crosswalk/1";

/**
 * OSCAL 1.2 mapping relationship tokens (mapping-collection `maps[].relationship`). The 1.2.1
 * JSON Schema types the field as a plain token; the allowed values come from the OSCAL mapping
 * metaschema. `equal-to` (identical wording) never holds between a responsibility domain and an
 * external catalogue entry, so the format accepts the four set-theory relationships only.
 * Direction: "<row> subset-of <entry>" means the row's requirements are contained in the entry's.
 */
export const RELATIONSHIPS = [
  "equivalent-to",
  "subset-of",
  "superset-of",
  "intersects-with",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** OSCAL mapping `method` values: how the mapping as a whole was produced. */
export const MAPPING_METHODS = ["human", "automation", "hybrid"] as const;
/** OSCAL `matching-rationale` values (NIST IR 8477 §4.3). */
export const MATCHING_RATIONALES = ["syntactic", "semantic", "functional"] as const;

// Same alphabet as framework keys: keys end up in URLs, CSV files and database unique indexes.
const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a lowercase key (a-z, 0-9, _ or -, at most 64)");

/**
 * Entry ids keep each catalogue's own spelling (`LLM01:2025`, `AML.M0015`, `GOVERN-1.6`,
 * `A.6.2.6`, `Article 15`): printable, no surrounding spaces, at most 64 characters.
 */
export const ENTRY_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 .:_()-]{0,62}[A-Za-z0-9)])?$/;
const entryId = z
  .string()
  .regex(ENTRY_ID_PATTERN, "must be an id such as LLM01:2025, AML.M0015 or A.6.2.6");

const webUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const text = z.string().trim().min(1, "must not be empty");

export const licenseSchema = z.strictObject({
  spdx: text.optional(),
  name: text,
  url: webUrl.optional(),
  /** A licence or notice file next to the crosswalk file (shown on the About page). */
  noticeFile: text.optional(),
  /** The credit line the About page shows. */
  attribution: text.optional(),
});

const sourceLinkSchema = z.strictObject({ url: webUrl, reference: text.optional() });

export const catalogueEntrySchema = z.strictObject({
  id: entryId,
  title: text.max(200, "must be at most 200 characters"),
  /** A grouping label of the catalogue (ATLAS category, AI RMF function, EU AI Act chapter …). */
  group: text.max(120).optional(),
});

export const catalogueSchema = z.strictObject({
  key,
  name: text,
  version: text,
  publisher: text,
  license: licenseSchema,
  source: sourceLinkSchema,
  /** What the file carries of the catalogue and why (e.g. "ids and titles only"). */
  note: text.optional(),
  entries: z.array(catalogueEntrySchema).min(1, "must list at least one entry"),
});

/** A framework version whose rows are mapped (checked against the app's frameworks at import). */
export const sourceFrameworkSchema = z.strictObject({ framework: key, version: text });

/** A published mapping some edges were derived through (CoSAI, FINOS …). */
export const provenanceSchema = z.strictObject({
  key,
  name: text,
  publisher: text,
  version: text,
  license: licenseSchema,
  source: sourceLinkSchema,
});

export const derivationStepSchema = z.strictObject({
  id: text.max(120),
  title: text.max(200),
});

/** One path through a provenance mapping: e.g. CoSAI control → its mapping to the entry. */
export const derivationSchema = z.strictObject({
  provenance: key,
  via: z.array(derivationStepSchema).min(1, "must name at least one step"),
});

export const edgeSchema = z.strictObject({
  framework: key,
  row: key,
  catalogue: key,
  entry: entryId,
  // A string here (not an enum) so validate.ts can say which tokens are allowed, by path.
  relationship: z.string().min(1, "must not be empty"),
  rationale: text.max(600, "must be at most 600 characters"),
  derivedFrom: z.array(derivationSchema).optional(),
});

export const crosswalkDefinitionSchema = z.strictObject({
  format: z.literal(CROSSWALK_FORMAT),
  key,
  name: text,
  version: text.max(64),
  releasedOn: z.iso.date().optional(),
  publisher: text,
  license: licenseSchema,
  description: text,
  method: z.enum(MAPPING_METHODS).optional(),
  matchingRationale: z.enum(MATCHING_RATIONALES).optional(),
  sources: z.array(sourceFrameworkSchema).min(1, "must name at least one framework"),
  provenance: z.array(provenanceSchema).optional(),
  catalogues: z.array(catalogueSchema).min(1, "must list at least one catalogue"),
  edges: z.array(edgeSchema),
});

export type CrosswalkDefinition = z.infer<typeof crosswalkDefinitionSchema>;
export type CrosswalkLicense = z.infer<typeof licenseSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type SourceFramework = z.infer<typeof sourceFrameworkSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type Derivation = z.infer<typeof derivationSchema>;
export type CrosswalkEdge = z.infer<typeof edgeSchema>;

/** The identity of an edge: one row of one framework to one entry of one catalogue. */
export function edgeId(edge: Pick<CrosswalkEdge, "framework" | "row" | "catalogue" | "entry">) {
  return `${edge.framework}/${edge.row} → ${edge.catalogue}/${edge.entry}`;
}

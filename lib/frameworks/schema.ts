/**
 * The app's own framework definition format ("ai-srm-framework/1"), shared by YAML and JSON files.
 *
 * This schema checks shape only. Cross-references (cell → row/column/scale, row → row group, unique
 * keys, one cell per row × column) are checked in `validate.ts`, because zod issues cannot name the
 * offending element as precisely as an import error needs to.
 *
 * Objects are strict: an unknown field is almost always a typo in a hand-written file, and silently
 * dropping it would lose data on the next export.
 */
import { z } from "zod";

export const FRAMEWORK_FORMAT = "ai-srm-framework/1";

/** Sides a scale value can put a duty on; "both" is a shared duty, "none" means not applicable. */
export const SCALE_SIDES = ["provider", "customer", "both", "none"] as const;
export type ScaleSide = (typeof SCALE_SIDES)[number];

/** Sides a party (organisation or team) can sit on. */
export const PARTY_SIDES = ["provider", "customer"] as const;
export type PartySide = (typeof PARTY_SIDES)[number];

// Keys end up in URLs, CSV exports and database unique indexes, so keep them to a safe alphabet.
const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a lowercase key (a-z, 0-9, _ or -, at most 64)");

// Links are shown on the attribution page, so only http(s) is allowed (never javascript: or data:).
const webUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const text = z.string().trim().min(1, "must not be empty");
const textList = z.array(text);

export const scaleLevelSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/, "must be a short code such as P or NA"),
  label: text,
  description: text,
  side: z.enum(SCALE_SIDES),
});

export const columnVariantSchema = z.strictObject({
  key,
  name: text,
  description: text,
  examples: textList.optional(),
});

export const columnGroupSchema = z.strictObject({
  key,
  name: text,
  description: text,
});

export const columnSchema = z.strictObject({
  key,
  name: text,
  shortName: text.optional(),
  group: key,
  description: text,
  variants: z.array(columnVariantSchema).optional(),
  examples: textList,
  riskLevel: text.nullable().optional(),
  order: z.number().int().optional(),
});

export const rowGroupSchema = z.strictObject({
  key,
  name: text,
  description: text,
  side: z.enum(SCALE_SIDES).optional(),
  examples: textList.optional(),
});

export const rowSchema = z.strictObject({
  key,
  name: text,
  category: key,
  group: key.optional(),
  focus: text,
  keyControls: textList,
  considerations: textList,
  description: text.optional(),
});

export const partySchema = z.strictObject({
  key,
  name: text,
  side: z.enum(PARTY_SIDES),
  description: text,
});

export const cellSchema = z.strictObject({
  row: key,
  column: key,
  value: z.string().min(1, "must not be empty"),
  critical: z.boolean().default(false),
  /** Which parties hold the duty, for models that name more than a provider/customer split. */
  parties: z.array(key).optional(),
  rationale: text.optional(),
});

export const frameworkDefinitionSchema = z.strictObject({
  format: z.literal(FRAMEWORK_FORMAT),
  key,
  name: text,
  publisher: text,
  license: z.strictObject({
    spdx: text.optional(),
    name: text,
    url: webUrl.optional(),
    noticeFile: text.optional(),
    /** The credit line the About/attribution page shows, e.g. "X by Y (MIT)". */
    attribution: text.optional(),
  }),
  source: z.strictObject({
    url: webUrl,
    reference: text.optional(),
  }),
  version: text,
  releasedOn: z.iso.date().optional(),
  description: text,
  scale: z.array(scaleLevelSchema).min(1, "must list at least one value"),
  columnGroups: z.array(columnGroupSchema).optional(),
  columns: z.array(columnSchema).min(1, "must list at least one column"),
  rowGroups: z.array(rowGroupSchema).optional(),
  rows: z.array(rowSchema).min(1, "must list at least one row"),
  parties: z.array(partySchema).optional(),
  cells: z.array(cellSchema),
});

export type FrameworkDefinition = z.infer<typeof frameworkDefinitionSchema>;
/** What a file may contain before defaults are applied (e.g. `critical` may be left out). */
export type FrameworkDefinitionInput = z.input<typeof frameworkDefinitionSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type ColumnGroup = z.infer<typeof columnGroupSchema>;
export type FrameworkColumn = z.infer<typeof columnSchema>;
export type ColumnVariant = z.infer<typeof columnVariantSchema>;
export type RowGroup = z.infer<typeof rowGroupSchema>;
export type FrameworkRow = z.infer<typeof rowSchema>;
export type Party = z.infer<typeof partySchema>;
export type FrameworkCell = z.infer<typeof cellSchema>;

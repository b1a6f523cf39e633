/**
 * Zod schemas for AI systems, shared by the register/edit form, the server actions, the REST API
 * and the CSV import. Framework-dependent checks (is the deployment model a column of the chosen
 * framework version, is the variant one of its variants) need the database and live in the
 * services; these schemas check shape only.
 */
import { z } from "zod";

import { LIFECYCLES, RISK_TIERS } from "@/lib/domain/responsibility";

export const EU_AI_ACT_CATEGORIES = [
  "PROHIBITED",
  "HIGH_RISK",
  "LIMITED_RISK",
  "MINIMAL_RISK",
  "GPAI",
  "NOT_ASSESSED",
] as const;
export type EuAiActCategory = (typeof EU_AI_ACT_CATEGORIES)[number];

export const EU_AI_ACT_LABELS: Record<EuAiActCategory, string> = {
  PROHIBITED: "Prohibited practice",
  HIGH_RISK: "High risk",
  LIMITED_RISK: "Limited risk (transparency duties)",
  MINIMAL_RISK: "Minimal risk",
  GPAI: "General-purpose AI model",
  NOT_ASSESSED: "Not assessed yet",
};

export const DATA_CLASSIFICATIONS = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export const MAX_ADDITIONAL_MODELS = 7;
export const MAX_TAGS = 20;

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;

export const idSchema = z.string().trim().min(1, "is required").max(64, "is too long");
const optionalId = z.preprocess(blankToNull, idSchema.nullable()).default(null);

export const modelKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a deployment model key such as paas_ai");

export const tagSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(40, "must be at most 40 characters")
  .regex(/^[^,;]+$/, "must not contain commas or semicolons");

/** The tags as the form takes them, one comma-separated line, as the list the schema checks. */
export function tagsFromText(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The editable fields of a system. Optional enums accept null (unset) and "" from forms. */
export const systemFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  description: z
    .preprocess(blankToNull, z.string().trim().max(4000, "Use at most 4000 characters.").nullable())
    .default(null),
  frameworkVersionId: idSchema,
  primaryModel: modelKeySchema,
  additionalModels: z
    .array(modelKeySchema)
    .max(MAX_ADDITIONAL_MODELS, `Choose at most ${MAX_ADDITIONAL_MODELS} additional models.`)
    .default([]),
  variant: z.preprocess(blankToNull, modelKeySchema.nullable()).default(null),
  vendorId: optionalId,
  businessOwnerId: optionalId,
  riskTier: z.preprocess(blankToNull, z.enum(RISK_TIERS).nullable()).default(null),
  euAiActCategory: z.preprocess(blankToNull, z.enum(EU_AI_ACT_CATEGORIES).nullable()).default(null),
  dataClassification: z
    .preprocess(blankToNull, z.enum(DATA_CLASSIFICATIONS).nullable())
    .default(null),
  lifecycle: z.enum(LIFECYCLES).default("PLANNED"),
  tags: z.array(tagSchema).max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`).default([]),
});
export type SystemFields = z.infer<typeof systemFieldsSchema>;
export type SystemFieldsInput = z.input<typeof systemFieldsSchema>;

export const registerSystemSchema = systemFieldsSchema;

/**
 * An edit sends every field plus the version it was based on: a save based on a stale version is
 * refused (409) instead of silently overwriting someone else's change.
 */
export const updateSystemSchema = systemFieldsSchema.extend({
  systemId: idSchema,
  expectedVersion: z.number().int().min(1),
  /**
   * When the change removes duties: the `loss.hash` of the re-derivation preview the user
   * confirmed. Missing or different (work changed since the preview) → 409, nothing saved.
   */
  confirmLoss: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "expected the loss hash from the re-derivation preview")
    .nullable()
    .optional(),
});
export type UpdateSystemInput = z.infer<typeof updateSystemSchema>;

/** What the re-derivation preview needs: the fields that change the duties. */
export const rederivationPreviewSchema = z.object({
  systemId: idSchema,
  frameworkVersionId: idSchema,
  primaryModel: modelKeySchema,
  additionalModels: z.array(modelKeySchema).max(MAX_ADDITIONAL_MODELS).default([]),
});

export const systemIdSchema = z.object({ systemId: idSchema });

export const SYSTEM_SORTS = [
  "name",
  "-name",
  "updated",
  "-updated",
  "risk",
  "-risk",
  "lifecycle",
  "-lifecycle",
] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToNull, z.enum(values).nullable().optional().catch(null));

/**
 * List filters as they appear in the URL (and the API query string). Unknown values are dropped
 * rather than failing the page: a hand-edited URL still shows a list.
 */
export const systemListQuerySchema = z.object({
  q: z.preprocess(blankToNull, z.string().trim().max(200).nullable().optional().catch(null)),
  model: z.preprocess(blankToNull, modelKeySchema.nullable().optional().catch(null)),
  risk: oneOf(RISK_TIERS),
  lifecycle: oneOf(LIFECYCLES),
  vendor: z.preprocess(blankToNull, idSchema.nullable().optional().catch(null)),
  owner: z.preprocess(blankToNull, idSchema.nullable().optional().catch(null)),
  archived: z.enum(["active", "archived", "all"]).catch("active").default("active"),
  sort: z.enum(SYSTEM_SORTS).catch("name").default("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25)
    .default(25),
});
export type SystemListQuery = z.infer<typeof systemListQuerySchema>;

/** CSV import: the file's text (the form reads it in the browser; the API posts it as JSON). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
export const importSystemsSchema = z.object({
  csv: z
    .string()
    .min(1, "Choose a CSV file.")
    .refine(
      (text) => new TextEncoder().encode(text).length <= MAX_IMPORT_BYTES,
      "The file is larger than 5 MB.",
    ),
});

/**
 * Zod schemas at the framework catalog's boundaries: the import form and action, the REST routes
 * and the browsing pages' search params. The definition itself is checked by
 * `lib/frameworks/validate.ts` (one schema for YAML and JSON files); these schemas only decide what
 * a request may carry around it.
 */
import { z } from "zod";

import { MAX_DEFINITION_BYTES } from "@/lib/frameworks/validate";

/** Same alphabet as keys inside a definition, so any stored key can be addressed in a URL. */
export const frameworkKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a framework key such as ai-security-srm");

/** Version strings are free text in the format (e.g. "1.1.0", "2025"); bound them for URLs. */
export const frameworkVersionSchema = z.string().trim().min(1).max(64);

export const frameworkFileFormatSchema = z.enum(["yaml", "json"]);

/** Upload form / server action: the file's text and how to read it. */
export const frameworkImportInputSchema = z.object({
  content: z
    .string()
    .min(1, "choose a file")
    // Characters, not bytes: a cheap upper bound before the parser checks the exact byte size.
    .max(MAX_DEFINITION_BYTES, "file is larger than 2 MB"),
  format: frameworkFileFormatSchema,
});
export type FrameworkImportInput = z.infer<typeof frameworkImportInputSchema>;

/**
 * REST import body: either a definition object (what GET …/versions/{version} returns, so an export
 * can be posted back unchanged) or a file's text with its format (for YAML).
 */
export const frameworkImportBodySchema = z.union([
  z.object({ definition: z.record(z.string(), z.unknown()) }),
  frameworkImportInputSchema,
]);
export type FrameworkImportBody = z.infer<typeof frameworkImportBodySchema>;

/** Route params of GET /api/v1/frameworks/{key}/versions/{version}. */
export const frameworkVersionParamsSchema = z.object({
  key: frameworkKeySchema,
  version: frameworkVersionSchema,
});

/** `?format=` of the export route and the CLI. */
export const frameworkExportFormatSchema = frameworkFileFormatSchema.default("json");

const optionalParam = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** Search params of the matrix page: version picker and the two filters. */
export const matrixSearchParamsSchema = z.object({
  version: optionalParam,
  group: optionalParam,
  category: optionalParam,
});
export type MatrixSearchParams = z.infer<typeof matrixSearchParamsSchema>;

/** Search params of the version comparison page. */
export const compareSearchParamsSchema = z.object({
  from: optionalParam,
  to: optionalParam,
});

/** Reads one value from Next's searchParams (a repeated param arrives as an array). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

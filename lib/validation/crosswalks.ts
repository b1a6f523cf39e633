/**
 * Zod schemas at the crosswalks' boundaries: the REST routes, the pages' search params and the
 * gap filter by reference. The crosswalk file itself is checked by lib/crosswalks/validate.ts.
 */
import { z } from "zod";

import { parseReferenceKey } from "@/lib/crosswalks/active-mapping";
import { MAX_CROSSWALK_BYTES } from "@/lib/crosswalks/validate";
import { frameworkKeySchema, frameworkVersionSchema } from "@/lib/validation/frameworks";

export const crosswalkKeySchema = frameworkKeySchema;
export const catalogueKeySchema = frameworkKeySchema;

/** REST import body: a definition object (what GET …/versions/{version} returns) or a file's text. */
export const crosswalkImportBodySchema = z.union([
  z.object({ definition: z.record(z.string(), z.unknown()) }),
  z.object({
    content: z
      .string()
      .min(1, "must not be empty")
      .max(MAX_CROSSWALK_BYTES, "file is larger than 4 MB"),
    format: z.enum(["yaml", "json"]),
  }),
]);

export const crosswalkVersionParamsSchema = z.object({
  key: crosswalkKeySchema,
  version: frameworkVersionSchema,
});

export const crosswalkDiffQuerySchema = z.object({
  from: frameworkVersionSchema,
  to: frameworkVersionSchema,
});

/** `<catalogue>:<entry>`, e.g. `owasp-llm-top10:LLM01:2025`. */
export const referenceKeySchema = z
  .string()
  .trim()
  .max(140)
  .refine((value) => {
    const parsed = parseReferenceKey(value);
    return parsed !== null && catalogueKeySchema.safeParse(parsed.catalogue).success;
  }, "must be <catalogue>:<entry>, e.g. owasp-llm-top10:LLM01:2025");

/**
 * Query parameters of the OSCAL exports (GET /api/v1/oscal/…) and the command line's
 * `npm run export -- oscal …`. See docs/oscal.md.
 */
import { z } from "zod";

import { frameworkKeySchema, frameworkVersionSchema } from "@/lib/validation/frameworks";

/** "a,b,c" (or one id): at most 500 AI system ids. */
const idList = z
  .string()
  .trim()
  .min(1)
  .transform((value) =>
    value
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().min(1).max(64)).min(1).max(500));

export const oscalSspQuerySchema = z.object({
  systemIds: idList
    .optional()
    .describe("Comma-separated AI system ids; omitted: every system of the workspace"),
});

export const oscalCatalogQuerySchema = z.object({
  framework: frameworkKeySchema.describe("Framework key, e.g. ai-security-srm"),
  version: frameworkVersionSchema.optional().describe("Omitted: the newest version"),
});

export const oscalMappingQuerySchema = z
  .object({
    crosswalk: frameworkKeySchema
      .optional()
      .describe("One crosswalk's key; omitted: the newest version of every crosswalk"),
    version: frameworkVersionSchema.optional().describe("With `crosswalk`: that version"),
  })
  .refine((query) => !query.version || query.crosswalk, {
    message: "version needs crosswalk",
    path: ["version"],
  });

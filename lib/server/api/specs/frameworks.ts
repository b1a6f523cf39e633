import { z } from "zod";

import { frameworkDefinitionSchema } from "@/lib/frameworks/schema";
import { MAX_DEFINITION_BYTES } from "@/lib/frameworks/validate";
import { defineApiRoute } from "@/lib/server/api/spec";
import {
  frameworkExportFormatSchema,
  frameworkImportBodySchema,
  frameworkVersionParamsSchema,
} from "@/lib/validation/frameworks";

const frameworkVersionSummarySchema = z.object({
  version: z.string(),
  definitionHash: z
    .string()
    .describe("SHA-256 of the canonical JSON; equal hashes mean equal content"),
  publishedAt: z.string().describe("ISO 8601"),
});

export const frameworkListResponseSchema = z
  .object({
    frameworks: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        publisher: z.string(),
        builtIn: z
          .boolean()
          .describe("true for the app's built-ins, false for this workspace's imports"),
        versions: z.array(frameworkVersionSummarySchema).describe("newest first"),
      }),
    ),
  })
  .meta({ id: "FrameworkList" });

export const frameworkImportResponseSchema = z
  .object({
    status: z.enum(["created", "unchanged"]),
    frameworkCreated: z.boolean(),
    key: z.string(),
    version: z.string(),
    name: z.string(),
    publisher: z.string(),
    columns: z.number().int(),
    rows: z.number().int(),
    cells: z.number().int(),
    criticalCells: z.number().int(),
  })
  .meta({ id: "FrameworkImportResult" });

export const listFrameworksSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/frameworks",
  tag: "Frameworks",
  summary: "List frameworks",
  description: "The built-in frameworks and the workspace's own imports, each with its versions.",
  permission: "framework.read",
  response: frameworkListResponseSchema,
});

export const getFrameworkVersionSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/frameworks/{key}/versions/{version}",
  tag: "Frameworks",
  summary: "Get a framework version",
  description:
    "The version's canonical definition, byte for byte what the command-line export prints. " +
    "`?format=yaml` returns the YAML file instead (application/yaml).",
  permission: "framework.read",
  params: frameworkVersionParamsSchema,
  query: z.object({ format: frameworkExportFormatSchema }),
  response: frameworkDefinitionSchema.meta({ id: "FrameworkDefinition" }),
});

export const importFrameworkSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/frameworks",
  tag: "Frameworks",
  summary: "Import a framework or a new version",
  description:
    'Body: `{ "definition": { … } }` (e.g. a GET of a version, with a new key or version) or ' +
    '`{ "content": "…", "format": "yaml" | "json" }`. All or nothing; 400 lists every ' +
    "problem under `error.fields` by path (e.g. `cells[17].value`). 409 when the version exists " +
    "with other content or the key is a built-in's. 201 when stored, 200 when identical content " +
    "was already stored.",
  permission: "framework.import",
  body: frameworkImportBodySchema,
  response: frameworkImportResponseSchema,
  successStatus: 201,
  // A 2 MB definition as a JSON string (escaped) or object: twice the file limit at most.
  maxBodyBytes: 2 * MAX_DEFINITION_BYTES,
});

export const previewFrameworkImportSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/frameworks/preview",
  tag: "Frameworks",
  summary: "Check a framework file without importing it",
  description:
    "Takes POST /api/v1/frameworks's body and stores nothing. `ok: false` lists every problem; `ok: true` summarises the definition and says what importing it would do: `new-framework`, `new-version`, `unchanged`, or (refused on import) `conflict` or `reserved-key`.",
  permission: "framework.import",
  body: frameworkImportBodySchema,
  response: z.discriminatedUnion("ok", [
    z.object({
      ok: z.literal(false),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
    z.object({
      ok: z.literal(true),
      summary: z.object({
        key: z.string(),
        name: z.string(),
        version: z.string(),
        publisher: z.string(),
        columns: z.number().int(),
        rows: z.number().int(),
        cells: z.number().int(),
        criticalCells: z.number().int(),
      }),
      outcome: z.enum(["new-framework", "new-version", "unchanged", "conflict", "reserved-key"]),
    }),
  ]),
  maxBodyBytes: 2 * MAX_DEFINITION_BYTES,
});

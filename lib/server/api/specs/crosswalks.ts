import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { coverageSummarySchema } from "@/lib/server/api/specs/coverage";
import {
  catalogueKeySchema,
  crosswalkDiffQuerySchema,
  crosswalkImportBodySchema,
  crosswalkVersionParamsSchema,
} from "@/lib/validation/crosswalks";
import { frameworkExportFormatSchema, frameworkKeySchema } from "@/lib/validation/frameworks";

const TAG = "Crosswalks";

export const crosswalkListResponseSchema = z
  .object({
    crosswalks: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        publisher: z.string(),
        builtIn: z.boolean(),
        versions: z
          .array(
            z.object({
              version: z.string(),
              definitionHash: z.string().describe("SHA-256 of the canonical JSON"),
              publishedAt: z.string().describe("ISO 8601"),
            }),
          )
          .describe("newest first"),
      }),
    ),
  })
  .meta({ id: "CrosswalkList" });

export const crosswalkImportResponseSchema = z
  .object({
    status: z.enum(["created", "unchanged"]),
    key: z.string(),
    name: z.string(),
    version: z.string(),
    publisher: z.string(),
    sources: z.array(z.string()).describe("framework@version"),
    catalogues: z.array(
      z.object({ key: z.string(), version: z.string(), entries: z.number().int() }),
    ),
    edges: z.number().int(),
    derivedEdges: z
      .number()
      .int()
      .describe("edges that came through a published mapping (CoSAI, FINOS …)"),
  })
  .meta({ id: "CrosswalkImportResult" });

export const listCrosswalksSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/crosswalks",
  tag: TAG,
  summary: "List crosswalks",
  description: "The built-in crosswalks and the workspace's own imports, each with its versions.",
  permission: "crosswalk.read",
  response: crosswalkListResponseSchema,
});

export const importCrosswalkSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/crosswalks",
  tag: TAG,
  summary: "Import a crosswalk or a new version",
  description:
    'Body: `{ "definition": { … } }` (a GET of a version, with a new key or version) or `{ "content": "…", "format": "yaml" | "json" }` (docs/crosswalk-format.md). ' +
    "All or nothing: 400 lists every problem under `error.fields` by path (unknown ids, relationships, rows, catalogues). " +
    "409 when the version exists with other content or the key is a built-in's. 201 when stored, 200 when identical content was already stored.",
  permission: "crosswalk.import",
  body: crosswalkImportBodySchema,
  response: crosswalkImportResponseSchema,
  successStatus: 201,
});

export const getCrosswalkVersionSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/crosswalks/{key}/versions/{version}",
  tag: TAG,
  summary: "Get a crosswalk version",
  description:
    "The canonical file, byte for byte what the command-line export prints; `?format=yaml` for YAML. Export, import and export again gives the same bytes.",
  permission: "crosswalk.read",
  params: crosswalkVersionParamsSchema,
  query: z.object({ format: frameworkExportFormatSchema }),
  response: z.record(z.string(), z.unknown()).meta({ id: "CrosswalkDefinition" }),
});

const edgeRefSchema = z.object({
  framework: z.string(),
  row: z.string(),
  catalogue: z.string(),
  entry: z.string(),
});

export const diffCrosswalkSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/crosswalks/{key}/diff",
  tag: TAG,
  summary: "Compare two versions of a crosswalk",
  description:
    "Exactly the edges added, removed and changed (with the changed fields), and the catalogues and sources that changed.",
  permission: "crosswalk.read",
  params: z.object({ key: crosswalkVersionParamsSchema.shape.key }),
  query: crosswalkDiffQuerySchema,
  response: z
    .object({
      key: z.string(),
      from: z.string(),
      to: z.string(),
      hasChanges: z.boolean(),
      addedEdges: z.array(edgeRefSchema.extend({ relationship: z.string() })),
      removedEdges: z.array(edgeRefSchema.extend({ relationship: z.string() })),
      changedEdges: z.array(
        edgeRefSchema.extend({
          changes: z.array(
            z.object({
              field: z.enum(["relationship", "rationale", "derivedFrom"]),
              from: z.string(),
              to: z.string(),
            }),
          ),
        }),
      ),
      addedCatalogues: z.array(z.string()),
      removedCatalogues: z.array(z.string()),
      changedCatalogues: z.array(
        z.object({
          key: z.string(),
          fields: z.array(z.string()),
          addedEntries: z.array(z.string()),
          removedEntries: z.array(z.string()),
          changedEntries: z.array(z.string()),
        }),
      ),
      addedSources: z.array(z.string()),
      removedSources: z.array(z.string()),
      changedFields: z.array(z.string()),
    })
    .meta({ id: "CrosswalkDiff" }),
});

export const relatedReferenceSchema = z
  .object({
    catalogue: z.string(),
    catalogueName: z.string(),
    entry: z.string(),
    title: z.string(),
    group: z.string().nullable(),
    relationship: z
      .string()
      .describe(
        "OSCAL 1.2: equivalent-to, subset-of, superset-of or intersects-with (domain → entry)",
      ),
    rationale: z.string(),
    derivedFrom: z
      .array(z.string())
      .describe("paths through CoSAI / FINOS mappings; empty: authored"),
    crosswalk: z.string(),
  })
  .meta({ id: "RelatedReference" });

export const listReferencesSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/references",
  tag: TAG,
  summary: "References related to a security domain",
  description:
    "The external references (OWASP, ATLAS, NIST, ISO/IEC 42001, EU AI Act …) the workspace's crosswalks relate to one domain. Without `framework`, every framework of the workspace's systems that has the domain.",
  permission: "crosswalk.read",
  query: z.object({
    domain: frameworkKeySchema.describe("security domain (row) key, e.g. agent_governance"),
    framework: frameworkKeySchema.optional(),
  }),
  response: z
    .object({
      domain: z.string(),
      frameworks: z.array(
        z.object({ framework: z.string(), references: z.array(relatedReferenceSchema) }),
      ),
    })
    .meta({ id: "DomainReferences" }),
});

const rateSummary = coverageSummarySchema;
export const referenceCoverageResponseSchema = z
  .object({
    computedAt: z.string(),
    crosswalks: z.array(
      z.object({ key: z.string(), name: z.string(), version: z.string(), builtIn: z.boolean() }),
    ),
    catalogues: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        version: z.string(),
        publisher: z.string(),
        licenseName: z.string(),
        attribution: z.string().nullable(),
        sourceUrl: z.string(),
        note: z.string().nullable(),
        summary: rateSummary.describe("each duty counted once, whichever entries relate to it"),
        entryCount: z.number().int(),
        mappedEntries: z.number().int(),
        fullyCoveredEntries: z.number().int(),
        entries: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            group: z.string().nullable(),
            domains: z.array(
              z.object({ framework: z.string(), row: z.string(), name: z.string() }),
            ),
            summary: rateSummary,
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ReferenceCoverage" });

export const getReferenceCoverageSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/coverage/references",
  tag: "Coverage",
  summary: "Coverage by external reference",
  description:
    "Per catalogue and per entry: the coverage of the duties whose domain a crosswalk relates to the entry (the engine's definition). `totalDuties` is the number of duties. Entries nothing maps to have zero parts and null rates.",
  permission: "coverage.read",
  query: z.object({
    catalogue: catalogueKeySchema.optional().describe("one catalogue, e.g. owasp-llm-top10"),
    deploymentModel: z.string().trim().min(1).max(64).optional(),
    vendorId: z.string().trim().min(1).max(64).optional(),
  }),
  response: referenceCoverageResponseSchema,
});

export const exportReferenceCoverageSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/coverage/references/export",
  tag: "Coverage",
  summary: "Download coverage by external reference as CSV",
  description:
    "Every catalogue and entry with the coverage of the duties its crosswalks relate to.",
  permission: "coverage.read",
  response: z.string(),
  download: { contentTypes: ["text/csv"] },
});

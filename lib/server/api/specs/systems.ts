import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import {
  idSchema,
  importSystemsSchema,
  MAX_IMPORT_BYTES,
  rederivationPreviewSchema,
  registerSystemSchema,
  systemListQuerySchema,
  updateSystemSchema,
} from "@/lib/validation/systems";

const systemParams = z.object({ systemId: idSchema });

const countsSchema = z.object({
  domains: z.number(),
  customer: z.number(),
  provider: z.number(),
  shared: z.number(),
  critical: z.number(),
});

export const systemSummarySchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    primaryModel: z.string(),
    deploymentModels: z.array(z.string()),
    riskTier: z.string().nullable(),
    lifecycle: z.string(),
    archivedAt: z.string().nullable().describe("ISO 8601; null while active"),
    vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
    parts: z
      .object({ customer: z.number(), provider: z.number(), owned: z.number() })
      .describe("duty counts; owned = customer duties with an owner"),
  })
  .meta({ id: "AiSystemSummary" });

export const listSystemsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/systems",
  tag: "AI systems",
  summary: "List AI systems",
  description:
    "Filters: q (name or tag), model, risk, lifecycle, vendor, owner (business owner id), archived (active|archived|all); sort; page, pageSize (25, 50, 100).",
  permission: "system.read",
  query: systemListQuerySchema,
  response: z
    .object({
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      pageCount: z.number(),
      systems: z.array(systemSummarySchema),
    })
    .meta({ id: "AiSystemList" }),
});

export const createSystemSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/systems",
  tag: "AI systems",
  summary: "Register an AI system",
  description:
    "Registers the system and derives its responsibilities and parts from the framework version's matrix in the same transaction.",
  permission: "system.create",
  body: registerSystemSchema.meta({ id: "AiSystemFields" }),
  response: z.object({ id: z.string(), counts: countsSchema }).meta({ id: "AiSystemCreated" }),
  successStatus: 201,
});

export const getSystemSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/systems/{systemId}",
  tag: "AI systems",
  summary: "Get an AI system with its responsibilities",
  description:
    "Every domain with value, derived value, override, critical flag and parts (owner, status, due date, justification, risk acceptance, version).",
  permission: "system.read",
  params: systemParams,
  response: z
    .looseObject({
      system: z.looseObject({ id: z.string(), name: z.string(), version: z.number() }),
      framework: z.looseObject({ key: z.string(), version: z.string() }),
      domains: z.array(z.looseObject({ domainKey: z.string(), value: z.string() })),
    })
    .meta({ id: "AiSystemDetail" }),
});

export const updateSystemSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/systems/{systemId}",
  tag: "AI systems",
  summary: "Update an AI system",
  description:
    "Send every field plus `expectedVersion` (from GET). 409 when the system changed since. Changing deployment models or the framework version re-derives the duties in the same transaction; preview it first with …/rederivation-preview. When the change removes duties, send the preview's `loss.hash` as `confirmLoss`: without it, or when the removed work changed since the preview, the answer is 409 with `error.details.loss` (the hash and the parts that would go) and nothing is saved. Removed duties are archived and come back with their owners, statuses, justifications and evidence links when the system is switched back; the audit event lists them.",
  permission: "system.update",
  params: systemParams,
  body: updateSystemSchema.omit({ systemId: true }),
  response: z
    .object({
      id: z.string(),
      version: z.number(),
      rederived: z.boolean(),
      changed: z.array(z.string()),
    })
    .meta({ id: "AiSystemUpdated" }),
});

export const previewRederivationSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/systems/{systemId}/rederivation-preview",
  tag: "AI systems",
  summary: "Preview a re-derivation",
  description:
    "What changing the deployment models or framework version would add, remove, change and keep, including `restoredDuties` (new duties that come back from the archive with their work) and `loss`: the hash to confirm and each part that would be removed. Writes nothing.",
  permission: "system.update",
  params: systemParams,
  body: rederivationPreviewSchema.omit({ systemId: true }),
  response: z
    .looseObject({
      isNoop: z.boolean(),
      addedDomains: z.array(z.string()),
      removedDomains: z.array(z.string()),
      restoredDuties: z.number(),
      loss: z.object({
        hash: z.string().describe("send as confirmLoss to apply exactly this loss"),
        parts: z.array(
          z.looseObject({
            id: z.string(),
            domainKey: z.string(),
            side: z.string(),
            ownerId: z.string().nullable(),
            status: z.string(),
            evidenceLinks: z.number(),
          }),
        ),
      }),
    })
    .meta({ id: "RederivationPreview" }),
});

export const archiveSystemSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/systems/{systemId}/archive",
  tag: "AI systems",
  summary: "Archive or restore an AI system",
  description:
    '`{ "archived": true }` archives (the default), `false` restores. Duties, owners and evidence links are kept.',
  permission: "system.archive",
  params: systemParams,
  body: z.object({ archived: z.boolean().default(true) }),
  response: z.object({ id: z.string(), archivedAt: z.string().nullable() }),
});

export const importSystemsSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/systems/import",
  tag: "AI systems",
  summary: "Import AI systems from CSV",
  description:
    'Body `{ "csv": "…" }` in the template\'s layout. All or nothing: 400 lists every problem under `error.fields`, keyed `row N, column C`.',
  permission: "system.create",
  body: importSystemsSchema,
  response: z.object({ status: z.literal("imported"), count: z.number() }),
  successStatus: 201,
  // A 5 MB CSV inside a JSON string (quotes and line breaks escaped).
  maxBodyBytes: 2 * MAX_IMPORT_BYTES,
});

export const exportSystemsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/systems/export",
  tag: "AI systems",
  summary: "Download AI systems as CSV",
  description:
    "The systems matching GET /api/v1/systems's filters (every page) as CSV, in the import template's columns.",
  permission: "system.read",
  query: systemListQuerySchema,
  response: z.string(),
  download: { contentTypes: ["text/csv"] },
});

export const systemsTemplateSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/systems/import/template",
  tag: "AI systems",
  summary: "Download the CSV import template",
  description: "The header row and an example row that POST /api/v1/systems/import accepts.",
  permission: "system.read",
  response: z.string(),
  download: { contentTypes: ["text/csv"] },
});

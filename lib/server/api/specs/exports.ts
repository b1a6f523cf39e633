import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { exportJobIdSchema, exportScopeSchema } from "@/lib/validation/exports";

const scopeSchema = z.object({
  systemIds: z.array(z.string()).optional(),
  domainKeys: z.array(z.string()).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  includeFiles: z.boolean(),
});

export const exportJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"]),
    state: z
      .enum(["QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED", "EXPIRED"])
      .describe("status, or EXPIRED once retention deleted a done bundle"),
    progress: z.number().int().describe("0–100"),
    scope: scopeSchema,
    requestedBy: z.string(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable().describe("SHA-256 of the ZIP file"),
    error: z.string().nullable(),
    cancelRequested: z.boolean(),
    createdAt: z.string().describe("ISO 8601"),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    expiresAt: z.string().nullable().describe("when the bundle will be deleted"),
    downloadable: z.boolean(),
  })
  .meta({ id: "ExportJob" });

export const startExportSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/exports",
  tag: "Exports",
  summary: "Start an evidence bundle export",
  description:
    "Queues a background job building a verifiable ZIP (manifest, checksums, report, CSV tables, audit log, evidence files). " +
    "Scope: `systemIds`, `domainKeys` (omitted: all), `from`/`to` (YYYY-MM-DD, inclusive; filter evidence and audit events), " +
    "`includeFiles` (default true). Answers 202 with the job; poll GET /api/v1/exports/{exportId}.",
  permission: "export.create",
  body: exportScopeSchema,
  response: exportJobSchema,
  successStatus: 202,
});

export const getExportSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/exports/{exportId}",
  tag: "Exports",
  summary: "Get an export's status",
  description:
    "Status and progress of one export of the token's workspace; another workspace's id answers 404.",
  permission: "export.read",
  params: exportJobIdSchema,
  response: exportJobSchema,
});

export const downloadExportSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/exports/{exportId}/download",
  tag: "Exports",
  summary: "Download a finished bundle",
  description:
    "The ZIP itself (`application/zip`, streamed; header `x-checksum-sha256` carries its SHA-256). " +
    "409 while the export is not done or after retention deleted it.",
  permission: "export.download",
  params: exportJobIdSchema,
  response: z.string(),
  download: { contentTypes: ["application/zip"] },
});

export const cancelExportSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/exports/{exportId}/cancel",
  tag: "Exports",
  summary: "Cancel an export",
  description:
    "A queued export stops at once; a running one at its next file (`cancelRequested: true` until then). " +
    "A token cancels the exports its creator started; others need export.cancelAny (OWNER, ADMIN): 403. " +
    "409 when the export has already ended.",
  permission: "export.create",
  params: exportJobIdSchema,
  response: exportJobSchema,
});

export const listExportsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/exports",
  tag: "Exports",
  summary: "List recent exports",
  description: "The workspace's latest 50 exports, newest first, with status and progress.",
  permission: "export.read",
  response: z.object({ jobs: z.array(exportJobSchema) }),
});

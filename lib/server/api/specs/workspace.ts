import { z } from "zod";

import { ROLES } from "@/lib/auth/permissions";
import { defineApiRoute } from "@/lib/server/api/spec";
import { auditDownloadFormatSchema } from "@/lib/validation/exports";
import { renameWorkspaceSchema } from "@/lib/validation/workspace";

export const whoAmIResponseSchema = z
  .object({
    token: z.object({ id: z.string(), name: z.string(), prefix: z.string() }),
    workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    role: z.enum(ROLES),
  })
  .meta({ id: "WhoAmI" });

export const getWorkspaceSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/workspace",
  tag: "Workspace",
  summary: "Who am I",
  description: "The calling token, the workspace it belongs to and the role it acts with.",
  permission: "workspace.read",
  response: whoAmIResponseSchema,
});

export const renameWorkspaceSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/workspace",
  tag: "Workspace",
  summary: "Rename the workspace",
  description:
    "The URL name (slug) stays the same. `changed: false` when the name was already this.",
  permission: "workspace.update",
  body: renameWorkspaceSchema,
  response: z.object({ changed: z.boolean() }),
});

export const downloadAuditLogSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/audit-log",
  tag: "Workspace",
  summary: "Download the audit log",
  description:
    "Every event up to the current head. `format=jsonl` (default) keeps the hash chain verifiable, one event per line; `format=csv` is for spreadsheets. The download is itself recorded first, so the file ends with its own event.",
  permission: "audit.read",
  query: z.object({ format: auditDownloadFormatSchema.default("jsonl") }),
  response: z.string(),
  download: { contentTypes: ["application/x-ndjson", "text/csv"] },
});

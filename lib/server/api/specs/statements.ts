import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { STATEMENT_MAX_BYTES, statementDraftSchema } from "@/lib/statements/format";
import {
  createStatementSchema,
  decideReviewItemSchema,
  importStatementSchema,
  statementVisibilitySchema,
  updateStatementDraftSchema,
} from "@/lib/validation/statements";
import { idSchema } from "@/lib/validation/systems";

// Provider responsibility statements (docs/provider-statements.md): what a provider workspace
// publishes per product, and what a customer workspace imports for a vendor.
const statementParams = z.object({ statementId: idSchema });
const vendorParams = z.object({ vendorId: idSchema });
const statementSummary = z
  .looseObject({
    id: z.string(),
    productName: z.string(),
    providerName: z.string().nullable(),
    visibility: z.enum(["PRIVATE_LINK", "PUBLIC"]),
    shareToken: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ProviderStatement" });

export const listStatementsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/statements",
  tag: "Statements",
  summary: "List the workspace's provider statements",
  permission: "statement.read",
  response: z.object({ statements: z.array(statementSummary) }),
});

export const createStatementSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/statements",
  tag: "Statements",
  summary: "Create a provider statement (an empty draft)",
  permission: "statement.publish",
  body: createStatementSchema,
  response: z.object({ id: z.string(), productName: z.string() }),
  successStatus: 201,
});

export const getStatementSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/statements/{statementId}",
  tag: "Statements",
  summary: "A provider statement with its draft and published versions",
  permission: "statement.read",
  params: statementParams,
  response: z.looseObject({ id: z.string(), draft: statementDraftSchema }),
});

export const updateStatementDraftSpec = defineApiRoute({
  method: "PUT",
  path: "/api/v1/statements/{statementId}/draft",
  tag: "Statements",
  summary: "Replace a statement's draft",
  description:
    "400 naming every domain, deployment model or attestation domain the framework version does not have.",
  permission: "statement.publish",
  params: statementParams,
  body: updateStatementDraftSchema.omit({ statementId: true }),
  response: z.object({ id: z.string(), productName: z.string() }),
});

export const publishStatementSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/statements/{statementId}/versions",
  tag: "Statements",
  summary: "Publish the draft as the next version",
  permission: "statement.publish",
  params: statementParams,
  response: z.object({ statementId: z.string(), version: z.number() }),
  successStatus: 201,
});

export const setStatementVisibilitySpec = defineApiRoute({
  method: "PUT",
  path: "/api/v1/statements/{statementId}/visibility",
  tag: "Statements",
  summary: "Private link or public",
  permission: "statement.publish",
  params: statementParams,
  body: statementVisibilitySchema.omit({ statementId: true }),
  response: z.object({ id: z.string(), visibility: z.string() }),
});

export const revokeStatementSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/statements/{statementId}/revoke",
  tag: "Statements",
  summary: "Revoke a statement: its link answers 404 from then on",
  permission: "statement.publish",
  params: statementParams,
  response: z.object({ id: z.string(), revokedAt: z.string() }),
});

export const listVendorStatementsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/vendors/{vendorId}/statements",
  tag: "Statements",
  summary: "A vendor's imported statements, their changes and review items",
  permission: "statement.read",
  params: vendorParams,
  response: z.object({ statements: z.array(z.looseObject({ id: z.string() })) }),
});

export const importStatementSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/vendors/{vendorId}/statements",
  tag: "Statements",
  summary: "Import a vendor's statement (our JSON or an OSCAL component definition)",
  description:
    `\`text\` is the document as text (at most ${STATEMENT_MAX_BYTES / 1024} KB). 400 with ` +
    "`fields.statement` listing every problem (invalid JSON or document, another framework " +
    "version, unknown domain ids, oversized, a version not newer than the last); nothing is " +
    "written then. The server fetches nothing.",
  permission: "statement.import",
  params: vendorParams,
  body: importStatementSchema.omit({ vendorId: true }),
  maxBodyBytes: STATEMENT_MAX_BYTES * 4,
  response: z.looseObject({
    importedStatementId: z.string(),
    version: z.number(),
    unmapped: z.array(z.string()),
    linkedDuties: z.number(),
    reviewItems: z.number(),
  }),
  successStatus: 201,
});

export const decideReviewItemSpec = defineApiRoute({
  method: "PUT",
  path: "/api/v1/statement-review-items/{itemId}",
  tag: "Statements",
  summary: "Acknowledge or resolve a disagreement between a statement and the matrix",
  permission: "statement.import",
  params: z.object({ itemId: idSchema }),
  body: decideReviewItemSchema.omit({ itemId: true }),
  response: z.object({ id: z.string(), state: z.string() }),
});

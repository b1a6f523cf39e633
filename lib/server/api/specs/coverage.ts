import { z } from "zod";

import { GAP_REASONS } from "@/lib/domain/coverage-reference";
import { RISK_TIERS } from "@/lib/domain/responsibility";
import { defineApiRoute } from "@/lib/server/api/spec";
import {
  coverageGroupSchema,
  gapFiltersSchema,
  gapListQuerySchema,
} from "@/lib/validation/coverage";
import { referenceKeySchema } from "@/lib/validation/crosswalks";

// Query strings reach the API wrapper one value per key, so lists are comma-separated here and
// split into the arrays lib/validation/coverage.ts's scope schema describes.
const commaIds = (what: string) =>
  z
    .preprocess(
      (value) =>
        typeof value === "string"
          ? value
              .split(",")
              .map((item) => item.trim())
              .filter(Boolean)
          : value,
      z.array(z.string().min(1).max(64)).max(500).optional(),
    )
    .describe(`comma-separated ${what}`);

const scopeQuery = {
  systemIds: commaIds("AI system ids"),
  domainKeys: commaIds("security domain keys"),
  deploymentModel: z.string().trim().min(1).max(64).optional(),
  ownerId: z.string().trim().min(1).max(64).optional().describe("parts owned by this member"),
  vendorId: z.string().trim().min(1).max(64).optional(),
};

export const coverageQuerySchema = z.object({
  ...scopeQuery,
  groupBy: coverageGroupSchema.optional().describe("also return one row per group"),
});

export const gapsQuerySchema = gapListQuerySchema.extend({
  systemIds: scopeQuery.systemIds,
  vendorId: scopeQuery.vendorId,
  reference: referenceKeySchema
    .optional()
    .describe(
      "external reference <catalogue>:<entry> (e.g. owasp-llm-top10:LLM01:2025): gaps of the duties a crosswalk relates to it",
    ),
});

const rate = z.number().nullable().describe("0..1; null when the denominator is 0");
const summaryShape = {
  totalDuties: z.number().int(),
  coveredDuties: z.number().int(),
  customerDuties: z.number().int(),
  providerDuties: z.number().int(),
  coverage: rate.describe("covered parts / all parts"),
  ownedRate: rate.describe("owned customer parts / customer parts"),
  implementedRate: rate.describe("implemented customer parts / customer parts"),
  evidencedRate: rate.describe("customer parts with current evidence / customer parts"),
  providerAssuredRate: rate.describe("provider parts with a current attestation / provider parts"),
};
export const coverageSummarySchema = z.object(summaryShape).meta({ id: "CoverageSummary" });

export const coverageResponseSchema = z
  .object({
    computedAt: z.string().describe("ISO 8601"),
    summary: coverageSummarySchema,
    groupBy: coverageGroupSchema.nullable(),
    groups: z
      .array(
        z.object({
          ...summaryShape,
          key: z.string().nullable().describe("null: unowned parts / systems without a vendor"),
          label: z.string().nullable(),
        }),
      )
      .nullable(),
  })
  .meta({ id: "Coverage" });

export const gapSchema = z
  .object({
    dutyId: z.string(),
    responsibilityId: z.string(),
    systemId: z.string(),
    systemName: z.string(),
    domainKey: z.string(),
    side: z.enum(["CUSTOMER", "PROVIDER"]),
    critical: z.boolean(),
    riskTier: z.enum(RISK_TIERS).nullable(),
    dueDate: z.string().nullable().describe("ISO 8601"),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    status: z.string(),
    reasons: z.array(z.enum(GAP_REASONS)),
  })
  .meta({ id: "Gap" });

const TAG = "Coverage";

export const getCoverageSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/coverage",
  tag: TAG,
  summary: "Coverage of the workspace or a scope",
  description:
    "Covered parts / all parts of active systems in scope, and the owned, implemented, evidenced and provider-assured rates. Scope filters combine (AND). With `groupBy`, one row per system, domain, deployment model, owner or vendor (groups without parts are left out).",
  permission: "coverage.read",
  query: coverageQuerySchema,
  response: coverageResponseSchema,
});

export const listGapsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/gaps",
  tag: TAG,
  summary: "List gaps",
  description:
    "Uncovered parts with their reasons: critical first, then the system's risk tier, then the due date. Filters combine (AND); `riskTier=none` and `ownerId=none` select unclassified systems and unowned parts; `reference` keeps the duties a crosswalk relates to that external reference; `overdue=true|false` keeps gaps whose due date has (not) passed; `sort=due` orders by due date, earliest (most overdue) first.",
  permission: "coverage.read",
  query: gapsQuerySchema,
  response: z
    .object({
      items: z.array(gapSchema),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .meta({ id: "GapPage" }),
});

export const exportGapsQuerySchema = gapFiltersSchema.extend({
  reference: gapsQuerySchema.shape.reference,
  sort: gapsQuerySchema.shape.sort,
});

export const exportGapsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/gaps/export",
  tag: TAG,
  summary: "Download gaps as CSV",
  description:
    "Every gap matching the filters (reason, domain, model, riskTier, ownerId, critical, overdue, reference; as GET /api/v1/gaps), in gap order (or sort=due: earliest due first), as CSV with the external references of each domain.",
  permission: "coverage.read",
  query: exportGapsQuerySchema,
  response: z.string(),
  download: { contentTypes: ["text/csv"] },
});

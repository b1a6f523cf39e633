import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { responsibilityListQuerySchema, updateDutySchema } from "@/lib/validation/responsibilities";
import { idSchema } from "@/lib/validation/systems";

// "Duty" is the API's name for what one side must do for one responsibility (docs/glossary.md;
// the database still calls it Duty). The old /responsibilities paths that serve the
// same operations are deprecated aliases (specs/responsibilities.ts).

const TAG = "Duties";

export const dutySchema = z
  .looseObject({
    id: z.string(),
    side: z.enum(["CUSTOMER", "PROVIDER"]),
    status: z.string(),
    ownerId: z.string().nullable(),
    dueDate: z.string().nullable().describe("ISO 8601"),
    version: z.number().describe("send as expectedVersion when updating"),
    domainKey: z.string(),
    responsibilityId: z.string(),
    value: z.string(),
    critical: z.boolean(),
    system: z.looseObject({ id: z.string(), name: z.string() }),
  })
  .meta({ id: "Duty" });

export const dutyParams = z.object({ dutyId: idSchema });

const LIST_DESCRIPTION =
  "Duties of active systems. Filters: q (system name), system, domain, model, risk, lifecycle, vendor, owner (member id or `none`), status, side, critical (true|false); sort; page, pageSize.";

export const listDutiesSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/duties",
  tag: TAG,
  summary: "List duties",
  description: LIST_DESCRIPTION,
  permission: "responsibility.read",
  query: responsibilityListQuerySchema,
  response: z
    .object({
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      pageCount: z.number(),
      duties: z.array(dutySchema),
    })
    .meta({ id: "DutyList" }),
});

export const exportDutiesSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/duties/export",
  tag: TAG,
  summary: "Download duties as CSV",
  description: `The list's rows (same filters and sort as GET /api/v1/duties, every page) as CSV, as the duty list's download offers. ${LIST_DESCRIPTION.slice(LIST_DESCRIPTION.indexOf("Filters"))}`,
  permission: "responsibility.read",
  query: responsibilityListQuerySchema,
  response: z.string(),
  download: { contentTypes: ["text/csv"] },
});

export const getDutySpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/duties/{dutyId}",
  tag: TAG,
  summary: "Get a duty",
  description: "Its owner, status, dates, version, domain, value and system.",
  permission: "responsibility.read",
  params: dutyParams,
  response: dutySchema,
});

export const UPDATE_DUTY_SUMMARY = "Update a duty (owner, status, due date, justification)";
export const UPDATE_DUTY_DESCRIPTION =
  "Fields left out stay. `expectedVersion` is required: 409 when the duty changed since. A status of NOT_APPLICABLE or RISK_ACCEPTED is refused (400 on `status`): request it with POST /api/v1/approvals, and the duty changes when an approver approves. While a duty holds one of them, its justification, riskApproverId and riskAcceptanceExpiresAt come from the approval and cannot be edited; setting another status ends the exception.";
export const updateDutyBodySchema = updateDutySchema.omit({ dutyId: true }).meta({
  id: "DutyUpdate",
});
export const updateDutyResponseSchema = z.object({
  id: z.string(),
  version: z.number(),
  changed: z.boolean(),
});

export const updateDutySpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/duties/{dutyId}",
  tag: TAG,
  summary: UPDATE_DUTY_SUMMARY,
  description: UPDATE_DUTY_DESCRIPTION,
  permission: "responsibility.update",
  params: dutyParams,
  body: updateDutyBodySchema,
  response: updateDutyResponseSchema,
});

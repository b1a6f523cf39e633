import { z } from "zod";

import { defineApiRoute, DUTY_RENAME_DATE } from "@/lib/server/api/spec";
import {
  dutySchema,
  UPDATE_DUTY_DESCRIPTION,
  UPDATE_DUTY_SUMMARY,
  updateDutyBodySchema,
  updateDutyResponseSchema,
} from "@/lib/server/api/specs/duties";
import {
  bulkAssignOwnerSchema,
  bulkSetDueDateSchema,
  overrideResponsibilitySchema,
  responsibilityListQuerySchema,
} from "@/lib/validation/responsibilities";
import { idSchema } from "@/lib/validation/systems";

// The two duty operations below are the old paths of GET /api/v1/duties and
// PATCH /api/v1/duties/{dutyId} (specs/duties.ts), kept for one API version.

export const listResponsibilitiesSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/responsibilities",
  tag: "Duties",
  summary: "List duties (old path)",
  description: "Answers GET /api/v1/duties's page with the rows under `parts` instead of `duties`.",
  permission: "responsibility.read",
  query: responsibilityListQuerySchema,
  response: z.object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    pageCount: z.number(),
    parts: z.array(dutySchema),
  }),
  deprecated: { successor: "/api/v1/duties", since: DUTY_RENAME_DATE },
});

export const deprecatedUpdateDutySpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/responsibilities/parts/{dutyId}",
  tag: "Duties",
  summary: `${UPDATE_DUTY_SUMMARY} (old path)`,
  description: UPDATE_DUTY_DESCRIPTION,
  permission: "responsibility.update",
  params: z.object({ dutyId: idSchema }),
  body: updateDutyBodySchema,
  response: updateDutyResponseSchema,
  deprecated: {
    successor: "/api/v1/duties/{dutyId}",
    renamedParams: { dutyId: "dutyId" },
    since: DUTY_RENAME_DATE,
  },
});

export const overrideResponsibilitySpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/responsibilities/{responsibilityId}/override",
  tag: "Responsibilities",
  summary: "Remove the override of a domain's value for one system",
  description:
    "`value: null` removes the override (back to the derived value). Setting a value is refused (400 on `value`): an override is requested with POST /api/v1/approvals (kind OVERRIDE) and applied when an approver approves. A removal that takes a side away (e.g. S → C removes the provider duty) answers 409 with `error.details.loss` (a hash and the duty that would go) unless `confirmLoss` is that hash; the removed duty is archived and comes back with its work when the value changes back.",
  permission: "responsibility.override",
  params: z.object({ responsibilityId: idSchema }),
  body: overrideResponsibilitySchema.omit({ responsibilityId: true }),
  response: z.object({
    id: z.string(),
    value: z.string(),
    derivedValue: z.string(),
    overrideValue: z.string().nullable(),
  }),
});

export const bulkAssignOwnerSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/responsibilities/bulk-owner",
  tag: "Responsibilities",
  summary: "Assign one owner to many duties",
  description:
    'Target: `{kind: "duties", dutyIds}` (duty ids; the older `{kind: "duties", partIds}` is still read), `{kind: "domain", domainKey, systemIds}` (that domain\'s customer duties) or `{kind: "system", systemId}` (all its customer duties). One unknown id: 404 and nothing changes.',
  permission: "responsibility.update",
  body: bulkAssignOwnerSchema,
  response: z.object({ count: z.number() }),
});

export const bulkSetDueDateSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/responsibilities/bulk-due-date",
  tag: "Responsibilities",
  summary: "Set the due date of many duties",
  permission: "responsibility.update",
  body: bulkSetDueDateSchema,
  response: z.object({ count: z.number() }),
});

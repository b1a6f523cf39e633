import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import {
  bulkAssignOwnerSchema,
  bulkSetDueDateSchema,
  overrideResponsibilitySchema,
  responsibilityListQuerySchema,
  updatePartSchema,
} from "@/lib/validation/responsibilities";
import { idSchema } from "@/lib/validation/systems";

const partRowSchema = z
  .looseObject({
    id: z.string(),
    side: z.enum(["CUSTOMER", "PROVIDER"]),
    status: z.string(),
    ownerId: z.string().nullable(),
    dueDate: z.string().nullable(),
    version: z.number(),
    domainKey: z.string(),
    value: z.string(),
    critical: z.boolean(),
    system: z.looseObject({ id: z.string(), name: z.string() }),
  })
  .meta({ id: "ResponsibilityPart" });

export const listResponsibilitiesSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/responsibilities",
  tag: "Responsibilities",
  summary: "List duties (responsibility parts)",
  description:
    "Parts of active systems. Filters: q (system name), system, domain, model, risk, lifecycle, vendor, owner (member id or `none`), status, side, critical (true|false); sort; page, pageSize.",
  permission: "responsibility.read",
  query: responsibilityListQuerySchema,
  response: z
    .object({
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      pageCount: z.number(),
      parts: z.array(partRowSchema),
    })
    .meta({ id: "ResponsibilityPartList" }),
});

export const updatePartSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/responsibilities/parts/{partId}",
  tag: "Responsibilities",
  summary: "Update a duty (owner, status, due date, justification, risk acceptance)",
  description:
    "Fields left out stay. `expectedVersion` is required: 409 when the part changed since. NOT_APPLICABLE and RISK_ACCEPTED need a justification; RISK_ACCEPTED also riskApproverId (an ADMIN or OWNER) and riskAcceptanceExpiresAt (YYYY-MM-DD).",
  permission: "responsibility.update",
  params: z.object({ partId: idSchema }),
  body: updatePartSchema.omit({ partId: true }),
  response: z.object({ id: z.string(), version: z.number(), changed: z.boolean() }),
});

export const overrideResponsibilitySpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/responsibilities/{responsibilityId}/override",
  tag: "Responsibilities",
  summary: "Override a domain's value for one system",
  description:
    "`value` P, C, S or NA with a `justification`; `value: null` removes the override. The derived value is kept beside it. A value that removes a side (e.g. S → C removes the provider duty) answers 409 with `error.details.loss` (a hash and the part that would go) unless `confirmLoss` is that hash; the removed part is archived and comes back with its work when the value changes back.",
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
    'Target: `{kind: "parts", partIds}`, `{kind: "domain", domainKey, systemIds}` (that domain\'s customer parts) or `{kind: "system", systemId}` (all its customer parts). One unknown id: 404 and nothing changes.',
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

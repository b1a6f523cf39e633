/**
 * Zod schemas and pure rules for responsibilities and their parts, shared by the responsibility
 * view, the bulk tools, the server actions and the REST API.
 */
import { z } from "zod";

import {
  DUTY_SIDES,
  DUTY_STATUSES,
  type DutyStatus,
  RESPONSIBILITY_VALUES,
} from "@/lib/domain/responsibility";
import { idSchema } from "@/lib/validation/systems";

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;

/**
 * A calendar day "YYYY-MM-DD". Due dates are stored at the start of the day (UTC) and risk
 * acceptances expire at its end, so "expires 2026-03-31" still holds on the 31st.
 */
export const dayStringSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "must be a real calendar date");

export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
export function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}
export function toDayString(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

const nullableDay = z.preprocess(blankToNull, dayStringSchema.nullable());
const nullableText = (max: number) =>
  z.preprocess(
    blankToNull,
    z.string().trim().max(max, `must be at most ${max} characters`).nullable(),
  );

export const JUSTIFICATION_MAX = 2000;

/** Override one domain's value for one system; `value: null` removes the override. */
export const overrideResponsibilitySchema = z.object({
  responsibilityId: idSchema,
  value: z.enum(RESPONSIBILITY_VALUES).nullable(),
  justification: nullableText(JUSTIFICATION_MAX).default(null),
  /**
   * When the new value removes a side: the `loss.hash` from the 409 answer that described it.
   * Missing or different (the part changed meanwhile) → 409 again, nothing saved.
   */
  confirmLoss: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "expected the loss hash from the previous answer")
    .nullable()
    .optional(),
});
export type OverrideResponsibilityInput = z.infer<typeof overrideResponsibilitySchema>;

/**
 * Edit of one part. Fields left out stay as they are; `expectedVersion` is the part version the
 * editor saw, so a save over someone else's newer change is refused (409) instead of winning.
 */
export const updateDutySchema = z.object({
  dutyId: idSchema,
  expectedVersion: z.number().int().min(1),
  ownerId: z.preprocess(blankToNull, idSchema.nullable()).optional(),
  status: z.enum(DUTY_STATUSES).optional(),
  justification: nullableText(JUSTIFICATION_MAX).optional(),
  dueDate: nullableDay.optional(),
  riskAcceptanceExpiresAt: nullableDay.optional(),
  riskApproverId: z.preprocess(blankToNull, idSchema.nullable()).optional(),
});
export type UpdateDutyInput = z.infer<typeof updateDutySchema>;

export type DutyStatusState = {
  status: DutyStatus;
  justification: string | null;
  riskApproverId: string | null;
  riskAcceptanceExpiresAt: Date | null;
};

/**
 * The status rules of a part, as field → message: NOT_APPLICABLE and RISK_ACCEPTED need a
 * justification; RISK_ACCEPTED also an approver and an expiry that is not already past. Checked
 * on the part as it would be after the edit, so a partial edit cannot break them.
 */
export function dutyStatusProblems(state: DutyStatusState, now: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  const needsJustification = state.status === "NOT_APPLICABLE" || state.status === "RISK_ACCEPTED";
  if (needsJustification && !state.justification?.trim()) {
    problems.justification = "Explain why: this status needs a justification.";
  }
  if (state.status === "RISK_ACCEPTED") {
    if (!state.riskApproverId)
      problems.riskApproverId = "Choose the admin who approves accepting this risk.";
    if (!state.riskAcceptanceExpiresAt) {
      problems.riskAcceptanceExpiresAt = "Choose when the risk acceptance expires.";
    } else if (state.riskAcceptanceExpiresAt.getTime() < now.getTime()) {
      problems.riskAcceptanceExpiresAt = "The expiry date is in the past.";
    }
  }
  return problems;
}

export const MAX_BULK_IDS = 1000;

/**
 * Bulk owner assignment, three ways: chosen parts (from the responsibility list), one domain's
 * customer parts across chosen systems, or every customer part of one system.
 */
export const bulkAssignOwnerSchema = z.object({
  ownerId: z.preprocess(blankToNull, idSchema.nullable()),
  target: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("duties"),
      dutyIds: z.array(idSchema).min(1, "Select at least one duty.").max(MAX_BULK_IDS),
    }),
    z.object({
      kind: z.literal("domain"),
      domainKey: z.string().trim().min(1).max(64),
      systemIds: z.array(idSchema).min(1, "Select at least one system.").max(MAX_BULK_IDS),
    }),
    z.object({ kind: z.literal("system"), systemId: idSchema }),
  ]),
});
export type BulkAssignOwnerInput = z.infer<typeof bulkAssignOwnerSchema>;

export const bulkSetDueDateSchema = z.object({
  dutyIds: z.array(idSchema).min(1, "Select at least one duty.").max(MAX_BULK_IDS),
  dueDate: nullableDay,
});

export const RESPONSIBILITY_SORTS = [
  "system",
  "-system",
  "domain",
  "-domain",
  "due",
  "-due",
  "status",
  "-status",
] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToNull, z.enum(values).nullable().optional().catch(null));
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional().catch(null));

/** Responsibility (part) list filters, from the URL or the API query string. */
export const responsibilityListQuerySchema = z.object({
  q: optionalText(200),
  system: optionalText(64),
  domain: optionalText(64),
  model: optionalText(64),
  risk: optionalEnum(["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const),
  lifecycle: optionalEnum(["PLANNED", "PILOT", "PRODUCTION", "RETIRED"] as const),
  vendor: optionalText(64),
  /** A member id, or "none" for parts nobody owns yet. */
  owner: optionalText(64),
  status: optionalEnum(DUTY_STATUSES),
  side: optionalEnum(DUTY_SIDES),
  critical: z.preprocess(blankToNull, z.enum(["true", "false"]).nullable().optional().catch(null)),
  sort: z.enum(RESPONSIBILITY_SORTS).catch("system").default("system"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => [25, 50, 100].includes(n))
    .catch(50)
    .default(50),
});
export type ResponsibilityListQuery = z.infer<typeof responsibilityListQuerySchema>;

export const DUTY_STATUS_LABELS: Record<DutyStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  IMPLEMENTED: "Implemented",
  NOT_APPLICABLE: "Not applicable",
  RISK_ACCEPTED: "Risk accepted",
};

/** When a duty is due, seen from today: the groups of My duties, in the order they are listed. */
export const DUE_GROUPS = ["overdue", "thisWeek", "later", "noDate"] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

const DAY = 24 * 60 * 60 * 1000;

/** The start of `now`'s UTC day and of the day a week later: the groups' boundaries. */
export function dueGroupBounds(now: Date): { today: Date; weekEnd: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { today: new Date(today), weekEnd: new Date(today + 7 * DAY) };
}

/** Which group a due date falls in, seen from `now` (UTC days; "this week" = the next 7 days). */
export function dueGroupOf(dueDate: Date | null, now: Date): DueGroup {
  if (!dueDate) return "noDate";
  const { today, weekEnd } = dueGroupBounds(now);
  if (dueDate < today) return "overdue";
  if (dueDate < weekEnd) return "thisWeek";
  return "later";
}

export const MY_DUTIES_PAGE_SIZE = 50;

/** The query string of My duties: one due group or all, open duties or finished ones too. */
export const myDutiesQuerySchema = z.object({
  due: optionalEnum(DUE_GROUPS),
  show: z.enum(["open", "all"]).catch("open").default("open"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type MyDutiesQuery = z.infer<typeof myDutiesQuerySchema>;

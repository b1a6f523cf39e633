/**
 * Zod schemas of action plans and comments, shared by the forms, the server actions and the REST
 * API, with the labels of their values.
 */
import { z } from "zod";

import { dayStringSchema } from "@/lib/validation/responsibilities";
import { idSchema } from "@/lib/validation/systems";

export const PLAN_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** What a person may set by hand while a plan is open; DONE and CANCELLED go through closing. */
export const OPEN_PLAN_STATUSES = ["OPEN", "IN_PROGRESS"] as const;
export const CLOSED_PLAN_STATUSES = ["DONE", "CANCELLED"] as const;

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  CANCELLED: "Cancelled",
};

export const PLAN_TITLE_MAX = 200;
export const PLAN_GOAL_MAX = 4000;
export const PLAN_NOTE_MAX = 2000;
/** Parts one plan may address; a larger effort is several plans. */
export const PLAN_DUTIES_MAX = 500;

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;
const nullableDay = z.preprocess(blankToNull, dayStringSchema.nullable());
const nullableId = z.preprocess(blankToNull, idSchema.nullable());

const titleSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(PLAN_TITLE_MAX, `must be at most ${PLAN_TITLE_MAX} characters`);
const goalSchema = z.preprocess(
  blankToNull,
  z.string().trim().max(PLAN_GOAL_MAX, `must be at most ${PLAN_GOAL_MAX} characters`).nullable(),
);
const dutyIdsSchema = z
  .array(idSchema)
  .max(PLAN_DUTIES_MAX, `a plan holds at most ${PLAN_DUTIES_MAX} duties`);

export const createPlanSchema = z.object({
  title: titleSchema,
  goal: goalSchema.default(null),
  ownerId: nullableId.default(null),
  dueDate: nullableDay.default(null),
  dutyIds: dutyIdsSchema.default([]),
});
export type CreatePlanInput = z.infer<typeof createPlanSchema>;

/** Edit the plan's fields; any left out stay. `expectedVersion`: the version the editor saw. */
export const updatePlanSchema = z.object({
  planId: idSchema,
  expectedVersion: z.coerce.number().int().min(1),
  title: titleSchema.optional(),
  goal: goalSchema.optional(),
  ownerId: nullableId.optional(),
  dueDate: nullableDay.optional(),
  status: z.enum(OPEN_PLAN_STATUSES).optional(),
});
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

export const planDutiesSchema = z.object({
  planId: idSchema,
  dutyIds: dutyIdsSchema.min(1, "choose at least one duty"),
});
export type PlanDutiesInput = z.infer<typeof planDutiesSchema>;

/** Close by hand: done (even if parts are still gaps) or cancelled, always with a note. */
export const closePlanSchema = z.object({
  planId: idSchema,
  status: z.enum(CLOSED_PLAN_STATUSES),
  note: z
    .string()
    .trim()
    .min(1, "say why the plan is closed")
    .max(PLAN_NOTE_MAX, `must be at most ${PLAN_NOTE_MAX} characters`),
});
export type ClosePlanInput = z.infer<typeof closePlanSchema>;

export const planIdSchema = z.object({ planId: idSchema });

/** The plans page's filters (URL search params and the API's query). */
export const planFiltersSchema = z.object({
  status: z.enum(PLAN_STATUSES).optional(),
  ownerId: idSchema.optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type PlanFiltersInput = z.infer<typeof planFiltersSchema>;

// Comments

export const COMMENT_BODY_MAX = 5000;

const commentBodySchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(COMMENT_BODY_MAX, `must be at most ${COMMENT_BODY_MAX} characters`);

/** A comment in a duty's or a plan's thread: exactly one of dutyId and planId. */
export const createCommentSchema = z
  .object({
    dutyId: idSchema.optional(),
    planId: idSchema.optional(),
    body: commentBodySchema,
  })
  .refine((value) => (value.dutyId === undefined) !== (value.planId === undefined), {
    message: "name either a duty (dutyId) or a plan (planId)",
    path: ["dutyId"],
  });
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export const updateCommentSchema = z.object({ commentId: idSchema, body: commentBodySchema });
export type UpdateCommentInput = z.infer<typeof updateCommentSchema>;

export const deleteCommentSchema = z.object({ commentId: idSchema });

export const commentThreadSchema = z
  .object({ dutyId: idSchema.optional(), planId: idSchema.optional() })
  .refine((value) => (value.dutyId === undefined) !== (value.planId === undefined), {
    message: "name either a duty (dutyId) or a plan (planId)",
    path: ["dutyId"],
  });

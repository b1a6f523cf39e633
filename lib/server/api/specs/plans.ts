import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import {
  closePlanSchema,
  COMMENT_BODY_MAX,
  createCommentSchema,
  createPlanSchema,
  PLAN_STATUSES,
  planDutiesSchema,
  planFiltersSchema,
  updateCommentSchema,
  updatePlanSchema,
} from "@/lib/validation/plans";
import { idSchema } from "@/lib/validation/systems";

const PLANS = "Action plans";
const COMMENTS = "Comments";

const planParams = z.object({ planId: idSchema });

export const planSchema = z
  .looseObject({
    id: z.string(),
    title: z.string(),
    goal: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    dueDate: z.string().nullable().describe("YYYY-MM-DD"),
    status: z.enum(PLAN_STATUSES).describe("as stored"),
    effectiveStatus: z
      .enum(PLAN_STATUSES)
      .describe("DONE as soon as every duty is covered, before the progress job stores it"),
    overdue: z.boolean(),
    closingNote: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number().describe("send as expectedVersion when updating"),
    total: z.number().describe("duties the coverage engine evaluates (active systems)"),
    covered: z.number().describe("of those, the covered ones"),
    linked: z.number().describe("every duty the plan names"),
  })
  .meta({ id: "ActionPlan" });

const planDutySchema = z
  .looseObject({
    dutyId: z.string(),
    systemId: z.string(),
    systemName: z.string(),
    domainKey: z.string(),
    side: z.enum(["CUSTOMER", "PROVIDER"]),
    status: z.string(),
    covered: z.boolean().nullable().describe("null: the system is archived or retired"),
    reasons: z.array(z.string()),
    overdue: z.boolean(),
  })
  .meta({ id: "ActionPlanDuty" });

export const listPlansSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/plans",
  tag: PLANS,
  summary: "List action plans",
  description:
    "Filters: status (effective status), ownerId, overdue (true|false); page (25 a page). Open plans first, soonest due first.",
  permission: "plan.read",
  query: planFiltersSchema,
  response: z.object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    pageCount: z.number(),
    plans: z.array(planSchema),
  }),
});

export const createPlanSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/plans",
  tag: PLANS,
  summary: "Create an action plan",
  description:
    "With the duties it addresses (dutyIds, e.g. from GET /api/v1/gaps). The owner must be a member; they are notified.",
  permission: "plan.create",
  body: createPlanSchema.meta({ id: "ActionPlanCreate" }),
  response: z.object({ id: z.string(), version: z.number(), duties: z.number() }),
  successStatus: 201,
});

export const getPlanSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/plans/{planId}",
  tag: PLANS,
  summary: "Get an action plan with its duties and their coverage",
  permission: "plan.read",
  params: planParams,
  response: z.object({ plan: planSchema, duties: z.array(planDutySchema) }),
});

export const updatePlanSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/plans/{planId}",
  tag: PLANS,
  summary: "Update an action plan",
  description:
    "Title, goal, owner, due date (YYYY-MM-DD), status OPEN or IN_PROGRESS (which also reopens a closed plan). `expectedVersion` is required: 409 when the plan changed since.",
  permission: "plan.update",
  params: planParams,
  body: updatePlanSchema.omit({ planId: true }).meta({ id: "ActionPlanUpdate" }),
  response: z.object({ id: z.string(), version: z.number(), changed: z.boolean() }),
});

export const addPlanDutiesSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/plans/{planId}/duties",
  tag: PLANS,
  summary: "Add duties to an action plan",
  description: "Duties already in the plan are left as they are; `added` counts the new ones.",
  permission: "plan.update",
  params: planParams,
  body: planDutiesSchema.omit({ planId: true }),
  response: z.object({ id: z.string(), added: z.number() }),
});

export const removePlanDutySpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/plans/{planId}/duties/{dutyId}",
  tag: PLANS,
  summary: "Remove a duty from an action plan",
  description: "The duty itself stays; `removed` is 0 when it was not in the plan.",
  permission: "plan.update",
  params: z.object({ planId: idSchema, dutyId: idSchema }),
  response: z.object({ id: z.string(), removed: z.number() }),
});

export const closePlanSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/plans/{planId}/close",
  tag: PLANS,
  summary: "Close an action plan by hand",
  description:
    "status DONE or CANCELLED, with a note saying why. 409 when it is already closed. (A plan whose duties are all covered is closed as DONE by the server on its own.)",
  permission: "plan.update",
  params: planParams,
  body: closePlanSchema.omit({ planId: true }),
  response: z.object({ id: z.string(), status: z.string(), closedAt: z.string() }),
});

export const exportPlansSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/plans/export",
  tag: PLANS,
  summary: "Download action plans as CSV",
  description: "Every plan matching the filters of GET /api/v1/plans, with its progress.",
  permission: "plan.read",
  query: planFiltersSchema.omit({ page: true }),
  response: z.string(),
  download: { contentTypes: ["text/csv"] },
});

const commentSchema = z
  .looseObject({
    id: z.string(),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    body: z.string().nullable().describe("null once deleted"),
    bodyHtml: z.string().nullable().describe("the body's Markdown as safe HTML; null once deleted"),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: "Comment" });

export const listCommentsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/comments",
  tag: COMMENTS,
  summary: "List a thread's comments",
  description:
    "Give dutyId or planId. Oldest first; deleted comments keep their place without text.",
  permission: "comment.read",
  query: z.object({ dutyId: idSchema.optional(), planId: idSchema.optional() }),
  response: z.object({ comments: z.array(commentSchema) }),
});

export const createCommentSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/comments",
  tag: COMMENTS,
  summary: "Comment on a duty or an action plan",
  description: `Give dutyId or planId, and body (plain text or Markdown, at most ${COMMENT_BODY_MAX} characters). The author is the token's creator. @mentions (e-mail local part, name without spaces, or a unique first name) notify those members.`,
  permission: "comment.create",
  body: createCommentSchema,
  response: z.object({ id: z.string(), createdAt: z.string(), mentioned: z.array(z.string()) }),
  successStatus: 201,
});

const commentParams = z.object({ commentId: idSchema });

export const updateCommentSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/comments/{commentId}",
  tag: COMMENTS,
  summary: "Edit a comment",
  description: "Only its author (the token's creator) may; 403 otherwise.",
  permission: "comment.create",
  params: commentParams,
  body: updateCommentSchema.omit({ commentId: true }),
  response: z.object({ id: z.string(), changed: z.boolean() }),
});

export const deleteCommentSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/comments/{commentId}",
  tag: COMMENTS,
  summary: "Delete a comment",
  description:
    "Its author may; a token of an OWNER or ADMIN role may delete anyone's. The comment keeps its place in the thread without its text.",
  permission: "comment.create",
  params: commentParams,
  response: z.object({ id: z.string(), deletedAt: z.string() }),
});

/**
 * Zod schemas and labels of approval requests (risk acceptance, not-applicable exceptions and
 * overrides of a domain's matrix value), shared by the duty page, the approvals page, the server
 * actions and the REST API.
 */
import { z } from "zod";

import { RESPONSIBILITY_VALUES } from "@/lib/domain/responsibility";
import { dayStringSchema, JUSTIFICATION_MAX } from "@/lib/validation/responsibilities";
import { idSchema } from "@/lib/validation/systems";

export const APPROVAL_KINDS = ["RISK_ACCEPTANCE", "NOT_APPLICABLE", "OVERRIDE"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_STATUSES = [
  "PENDING",
  "APPROVED",
  "REJECTED",
  "CANCELLED",
  "EXPIRED",
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  RISK_ACCEPTANCE: "Risk acceptance",
  NOT_APPLICABLE: "Not applicable",
  OVERRIDE: "Override of the matrix value",
};
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  PENDING: "Waiting for a decision",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
  EXPIRED: "Ended",
};

/** The workspace's ceiling on an approval's length, in months (settings page, default 12). */
export const MAX_APPROVAL_MONTHS_LIMIT = 36;
export const DEFAULT_MAX_APPROVAL_MONTHS = 12;
export const approvalSettingsSchema = z.object({
  maxApprovalMonths: z.coerce
    .number({ error: "Enter a number of months." })
    .int("Use a whole number of months.")
    .min(1, "An approval runs at least 1 month.")
    .max(MAX_APPROVAL_MONTHS_LIMIT, `Use at most ${MAX_APPROVAL_MONTHS_LIMIT} months.`),
});

export const DECISION_COMMENT_MAX = 2000;

const blankToNull = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? null : value;

/**
 * A new request. RISK_ACCEPTANCE and NOT_APPLICABLE name a duty; OVERRIDE names the domain of a
 * system (responsibilityId) and the value proposed. `endsAt` is a day: the approval holds until
 * its end (UTC).
 */
export const createApprovalSchema = z
  .object({
    kind: z.enum(APPROVAL_KINDS),
    dutyId: z.preprocess(blankToNull, idSchema.nullable()).optional(),
    responsibilityId: z.preprocess(blankToNull, idSchema.nullable()).optional(),
    proposedValue: z.preprocess(blankToNull, z.enum(RESPONSIBILITY_VALUES).nullable()).optional(),
    approverId: z.string({ error: "Choose who approves." }).trim().min(1, "Choose who approves."),
    justification: z
      .string({ error: "Explain why." })
      .trim()
      .min(1, "Explain why: an approver decides on this justification.")
      .max(JUSTIFICATION_MAX, `must be at most ${JUSTIFICATION_MAX} characters`),
    endsAt: z.string({ error: "Choose the end date." }).pipe(dayStringSchema),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "OVERRIDE") {
      if (!value.responsibilityId)
        ctx.addIssue({
          code: "custom",
          path: ["responsibilityId"],
          message: "An override names the domain (responsibilityId).",
        });
      if (!value.proposedValue)
        ctx.addIssue({
          code: "custom",
          path: ["proposedValue"],
          message: "Choose the value you propose.",
        });
    } else if (!value.dutyId) {
      ctx.addIssue({ code: "custom", path: ["dutyId"], message: "Name the duty (dutyId)." });
    }
  });
export type CreateApprovalInput = z.infer<typeof createApprovalSchema>;

export const approveApprovalSchema = z.object({
  approvalId: idSchema,
  comment: z.preprocess(
    blankToNull,
    z.string().trim().max(DECISION_COMMENT_MAX).nullable().optional(),
  ),
  /** An override that removes a side with work: the loss hash from the 409 answer. */
  confirmLoss: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "expected the loss hash from the previous answer")
    .nullable()
    .optional(),
});
export type ApproveApprovalInput = z.infer<typeof approveApprovalSchema>;

export const rejectApprovalSchema = z.object({
  approvalId: idSchema,
  comment: z
    .string({ error: "Say why you reject it." })
    .trim()
    .min(1, "Say why you reject it: the requester reads this.")
    .max(DECISION_COMMENT_MAX),
});
export type RejectApprovalInput = z.infer<typeof rejectApprovalSchema>;

export const cancelApprovalSchema = z.object({ approvalId: idSchema });

/** The approvals list: by status, and "mine" = named me as approver, asked by me, or decided by me. */
export const approvalListQuerySchema = z.object({
  status: z.preprocess(blankToNull, z.enum(APPROVAL_STATUSES).nullable().optional()),
  mine: z.preprocess(
    blankToNull,
    z.enum(["approver", "requester", "decider"]).nullable().optional(),
  ),
  dutyId: z.preprocess(blankToNull, idSchema.nullable().optional()),
  systemId: z.preprocess(blankToNull, idSchema.nullable().optional()),
  responsibilityId: z.preprocess(blankToNull, idSchema.nullable().optional()),
  limit: z.coerce.number().int().min(1).max(200).catch(100).default(100),
});
export type ApprovalListQuery = z.infer<typeof approvalListQuerySchema>;

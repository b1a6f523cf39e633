// Inputs of the provider statement actions and API routes (docs/provider-statements.md).
import { z } from "zod";

import { STATEMENT_MAX_BYTES, statementDraftSchema } from "@/lib/statements/format";
import { idSchema } from "@/lib/validation/systems";

export const STATEMENT_VISIBILITIES = ["PRIVATE_LINK", "PUBLIC"] as const;
export type StatementVisibility = (typeof STATEMENT_VISIBILITIES)[number];
export const STATEMENT_VISIBILITY_LABELS: Record<StatementVisibility, string> = {
  PRIVATE_LINK: "Private link (not indexed by search engines)",
  PUBLIC: "Public",
};

export const REVIEW_STATES = ["OPEN", "ACKNOWLEDGED", "RESOLVED"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  OPEN: "Open",
  ACKNOWLEDGED: "Acknowledged",
  RESOLVED: "Resolved",
};

const name = z.string().trim().min(1, "is required").max(200, "is too long");
const optionalName = z
  .string()
  .trim()
  .max(200, "is too long")
  .optional()
  .transform((v) => (v ? v : null));

export const createStatementSchema = z.object({
  productName: name,
  providerName: optionalName,
  frameworkKey: z.string().trim().min(1, "is required").max(64),
  frameworkVersion: z.string().trim().min(1, "is required").max(64),
});
export type CreateStatementInput = z.infer<typeof createStatementSchema>;

export const statementIdSchema = z.object({ statementId: idSchema });

export const updateStatementDraftSchema = z.object({
  statementId: idSchema,
  productName: name,
  providerName: optionalName,
  body: statementDraftSchema,
});
export type UpdateStatementDraftInput = z.infer<typeof updateStatementDraftSchema>;

export const statementVisibilitySchema = z.object({
  statementId: idSchema,
  visibility: z.enum(STATEMENT_VISIBILITIES),
});

// The text is checked for size by the reader, which names the limit; this bound only keeps a
// runaway request from being parsed at all.
export const importStatementSchema = z.object({
  vendorId: idSchema,
  text: z
    .string()
    .min(1, "paste a statement or choose a file")
    .max(STATEMENT_MAX_BYTES * 4, "is far larger than a statement may be"),
});
export type ImportStatementInput = z.infer<typeof importStatementSchema>;

export const decideReviewItemSchema = z.object({
  itemId: idSchema,
  state: z.enum(REVIEW_STATES),
});

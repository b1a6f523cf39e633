/**
 * Zod schemas at the coverage engine's boundaries (dashboard actions, GET /api/v1/coverage and
 * /api/v1/gaps, the gaps page's search params). They only bound what a request may carry; the
 * meaning of each field is the engine's (lib/server/coverage, CoverageScope in
 * lib/domain/coverage-snapshot.ts).
 */
import { z } from "zod";

import { GAP_REASONS } from "@/lib/domain/coverage-reference";
import { RISK_TIERS } from "@/lib/domain/responsibility";

const idSchema = z.string().trim().min(1).max(64);
const keySchema = z.string().trim().min(1).max(64);

/** Query strings repeat a key for lists (?system=a&system=b) or send it once; accept both. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.union([item.transform((value) => [value]), z.array(item).max(500)]);

export const coverageScopeSchema = z.object({
  systemIds: listOf(idSchema).optional(),
  domainKeys: listOf(keySchema).optional(),
  deploymentModel: keySchema.optional(),
  ownerId: idSchema.optional(),
  vendorId: idSchema.optional(),
});
export type CoverageScopeInput = z.infer<typeof coverageScopeSchema>;

export const coverageGroupSchema = z.enum([
  "system",
  "domain",
  "deploymentModel",
  "owner",
  "vendor",
]);

/** "true"/"false" in query strings, booleans in JSON bodies. */
const booleanParam = z.union([
  z.boolean(),
  z.enum(["true", "false"]).transform((value) => value === "true"),
]);

/** Gaps page filters; `none` selects unclassified systems / unowned parts. */
export const gapFiltersSchema = z.object({
  reason: z.enum(GAP_REASONS).optional(),
  domain: keySchema.optional(),
  model: keySchema.optional(),
  riskTier: z.union([z.enum(RISK_TIERS), z.literal("none").transform(() => null)]).optional(),
  ownerId: z.union([z.literal("none").transform(() => null), idSchema]).optional(),
  critical: booleanParam.optional(),
  overdue: booleanParam.optional(),
});
export type GapFiltersInput = z.infer<typeof gapFiltersSchema>;

export const GAP_PAGE_MAX = 500;

/** "gap": critical first, then risk tier, due date… (the default); "due": earliest due first. */
export const GAP_SORTS = ["gap", "due"] as const;
export const gapSortSchema = z.enum(GAP_SORTS);

export const gapListQuerySchema = gapFiltersSchema.extend({
  sort: gapSortSchema.optional(),
  limit: z.coerce.number().int().min(1).max(GAP_PAGE_MAX).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const trendQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(90),
});

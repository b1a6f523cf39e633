/**
 * Zod schemas at the evidence boundaries: the REST routes (JSON bodies, multipart fields, list
 * query), and later the library page's forms and actions.
 */
import { z } from "zod";

export const ATTESTATION_TYPES = [
  "SOC2_REPORT",
  "ISO27001_CERTIFICATE",
  "MODEL_CARD",
  "DPA",
  "PENETRATION_TEST",
  "OTHER",
] as const;
export type AttestationType = (typeof ATTESTATION_TYPES)[number];

export const ATTESTATION_TYPE_LABELS: Record<AttestationType, string> = {
  SOC2_REPORT: "SOC 2 report",
  ISO27001_CERTIFICATE: "ISO 27001 certificate",
  MODEL_CARD: "Model card",
  DPA: "Data-processing agreement",
  PENETRATION_TEST: "Penetration test report",
  OTHER: "Other attestation",
};

export const EVIDENCE_KINDS = ["FILE", "LINK", "NOTE", "ATTESTATION"] as const;
export const EVIDENCE_FILTER_STATES = [
  "current",
  "expiring_soon",
  "expired",
  "rejected",
  "superseded",
  "deleted",
] as const;
export type EvidenceFilterState = (typeof EVIDENCE_FILTER_STATES)[number];

export const idSchema = z.string().trim().min(1, "is required").max(64, "is too long");

/**
 * "2026-03-31" means the whole day: it is stored as the end of that day (UTC), as the evidence
 * state rules expect (lib/domain/evidence-state.ts). A full ISO timestamp is kept as given.
 */
function dateField({ endOfDay }: { endOfDay: boolean }) {
  return z
    .string()
    .trim()
    .refine(
      (value) => dateFromInput(value, endOfDay) !== null,
      "must be a date (YYYY-MM-DD) or an ISO 8601 timestamp",
    )
    .transform((value) => dateFromInput(value, endOfDay) as Date);
}

function dateFromInput(value: string, endOfDay: boolean): Date | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const date = new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const commonFields = {
  title: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  description: z.preprocess(
    blankToUndefined,
    z.string().trim().max(5000, "must be at most 5000 characters").optional(),
  ),
  collectedAt: z.preprocess(blankToUndefined, dateField({ endOfDay: false }).optional()),
  validUntil: z.preprocess(blankToUndefined, dateField({ endOfDay: true }).nullish()),
  /** Responsibility parts to link at once (the same as linking afterwards). */
  dutyIds: z.array(idSchema).max(100, "at most 100 parts at once").optional(),
  /** Makes this item a new revision of that one: it is superseded and its part links move here. */
  supersedesId: z.preprocess(blankToUndefined, idSchema.optional()),
};

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// address");

const attestationFields = {
  attestationType: z.enum(ATTESTATION_TYPES, {
    error: `must be one of ${ATTESTATION_TYPES.join(", ")}`,
  }),
  /** The vendor the attestation is held for: it then covers that vendor's systems' provider parts. */
  vendorId: z.preprocess(blankToUndefined, idSchema.optional()),
};

/** JSON body of POST /api/v1/evidence (everything but file uploads). */
export const createEvidenceBodySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("LINK"), ...commonFields, url: httpUrlSchema }),
  z.object({
    kind: z.literal("NOTE"),
    ...commonFields,
    note: z.string().min(1, "is required").max(100_000, "must be at most 100,000 characters"),
  }),
  z.object({
    kind: z.literal("ATTESTATION"),
    ...commonFields,
    ...attestationFields,
    url: httpUrlSchema,
  }),
]);
export type CreateEvidenceBody = z.infer<typeof createEvidenceBodySchema>;

/** Text fields of a multipart upload (each arrives as a string; dutyIds may repeat or be comma-separated). */
export const uploadEvidenceFieldsSchema = z
  .object({
    kind: z.enum(["FILE", "ATTESTATION"]).default("FILE"),
    title: z.preprocess(blankToUndefined, commonFields.title.optional()),
    description: commonFields.description,
    collectedAt: commonFields.collectedAt,
    validUntil: commonFields.validUntil,
    dutyIds: z.preprocess(
      (value) =>
        typeof value === "string"
          ? value
              .split(",")
              .map((id) => id.trim())
              .filter(Boolean)
          : value,
      commonFields.dutyIds,
    ),
    supersedesId: commonFields.supersedesId,
    attestationType: z.preprocess(blankToUndefined, attestationFields.attestationType.optional()),
    vendorId: attestationFields.vendorId,
  })
  .superRefine((value, context) => {
    if (value.kind === "ATTESTATION" && !value.attestationType) {
      context.addIssue({
        code: "custom",
        path: ["attestationType"],
        message: "is required for an attestation",
      });
    }
    if (value.kind === "FILE" && (value.attestationType || value.vendorId)) {
      context.addIssue({
        code: "custom",
        path: ["kind"],
        message: "must be ATTESTATION when attestationType or vendorId is set",
      });
    }
  });
export type UploadEvidenceFields = z.infer<typeof uploadEvidenceFieldsSchema>;

/**
 * What the evidence form checks before an upload: the route's fields plus the chosen file. The
 * route itself parses the fields with uploadEvidenceFieldsSchema and checks the file's content.
 */
export const evidenceUploadFormSchema = uploadEvidenceFieldsSchema.and(
  z.object({
    file: z.custom<File>(
      (value) => typeof File !== "undefined" && value instanceof File,
      "Choose a file.",
    ),
  }),
);

const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((item) => item.trim())
            .filter(Boolean)
        : value,
    z.array(z.enum(values)).optional(),
  );

/** Query of GET /api/v1/evidence and the library page's search params. */
export const listEvidenceQuerySchema = z.object({
  kind: commaList(EVIDENCE_KINDS).describe("comma-separated kinds"),
  state: commaList(EVIDENCE_FILTER_STATES).describe(
    "comma-separated states; without it every state except deleted. Current items are `current,expiring_soon`.",
  ),
  vendorId: z.preprocess(blankToUndefined, idSchema.optional()),
  systemId: z
    .preprocess(blankToUndefined, idSchema.optional())
    .describe("linked to a part of the system, or an attestation of its vendor"),
  domainKey: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  unlinked: z
    .preprocess(blankToUndefined, z.enum(["true", "false"]).optional())
    .describe("true: linked to no part and held for no vendor"),
  q: z
    .preprocess(blankToUndefined, z.string().trim().max(200).optional())
    .describe("searches title, description, file name and URL"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListEvidenceQuery = z.infer<typeof listEvidenceQuerySchema>;

export const reviewEvidenceBodySchema = z
  .object({
    status: z.enum(["ACCEPTED", "REJECTED"]),
    comment: z.preprocess(
      blankToUndefined,
      z.string().trim().max(2000, "must be at most 2000 characters").optional(),
    ),
  })
  .refine((value) => value.status !== "REJECTED" || Boolean(value.comment), {
    path: ["comment"],
    message: "is required when rejecting, so the uploader knows what to fix",
  });
export type ReviewEvidenceBody = z.infer<typeof reviewEvidenceBodySchema>;
/** The review action's input: the REST body plus the item (the API has it in the path). */
export const reviewEvidenceInputSchema = reviewEvidenceBodySchema.and(
  z.object({ evidenceId: idSchema }),
);

export const evidenceParamsSchema = z.object({ evidenceId: idSchema });
export const deprecatedEvidenceDutyParamsSchema = z.object({
  evidenceId: idSchema,
  dutyId: idSchema,
});

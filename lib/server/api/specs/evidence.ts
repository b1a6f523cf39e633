import { z } from "zod";

import { EVIDENCE_STATES } from "@/lib/domain/evidence-state";
import { defineApiRoute, DUTY_RENAME_DATE } from "@/lib/server/api/spec";
import {
  createEvidenceBodySchema,
  deprecatedEvidenceDutyParamsSchema,
  EVIDENCE_KINDS,
  evidenceParamsSchema,
  listEvidenceQuerySchema,
  reviewEvidenceBodySchema,
} from "@/lib/validation/evidence";

const iso = z.string().describe("ISO 8601");
const isoOrNull = iso.nullable();

export const evidenceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string(),
    description: z.string().nullable(),
    url: z.string().nullable(),
    note: z.string().nullable().describe("Markdown source"),
    attestationType: z.string().nullable(),
    file: z
      .object({
        name: z.string(),
        contentType: z.string().describe("detected from the content at upload"),
        sizeBytes: z.number().int(),
        sha256: z
          .string()
          .describe("hex SHA-256 computed while uploading; verified on every download"),
        purged: z.boolean(),
      })
      .nullable(),
    collectedAt: iso,
    validUntil: isoOrNull,
    review: z.object({
      status: z.enum(["PENDING", "ACCEPTED", "REJECTED"]),
      reviewerId: z.string().nullable(),
      comment: z.string().nullable(),
      reviewedAt: isoOrNull,
    }),
    uploaderId: z.string().nullable(),
    uploaderTokenId: z.string().nullable(),
    vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
    supersedesId: z.string().nullable(),
    supersededById: z.string().nullable(),
    supersededAt: isoOrNull,
    deletedAt: isoOrNull,
    purgedAt: isoOrNull,
    createdAt: iso,
    updatedAt: iso,
    state: z.enum(EVIDENCE_STATES),
    isCurrent: z.boolean().describe("counts towards coverage (state current or expiring_soon)"),
    linkCount: z.number().int(),
  })
  .meta({ id: "Evidence" });

export const evidenceDetailSchema = evidenceSchema
  .extend({
    links: z.array(
      z.object({
        dutyId: z.string(),
        side: z.enum(["CUSTOMER", "PROVIDER"]),
        domainKey: z.string(),
        system: z.object({ id: z.string(), name: z.string() }),
        linkedAt: iso,
        linkedById: z.string().nullable(),
      }),
    ),
    revisions: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          state: z.enum(EVIDENCE_STATES),
          createdAt: iso,
          supersededAt: isoOrNull,
          deletedAt: isoOrNull,
          file: evidenceSchema.shape.file,
          url: z.string().nullable(),
        }),
      )
      .describe("the whole revision chain, newest first, this item included"),
  })
  .meta({ id: "EvidenceDetail" });

const TAG = "Evidence";

export const listEvidenceSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/evidence",
  tag: TAG,
  summary: "List evidence",
  description: "Newest first, paginated. Filters combine (AND); list filters are comma-separated.",
  permission: "evidence.read",
  query: listEvidenceQuerySchema,
  response: z
    .object({
      items: z.array(evidenceSchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .meta({ id: "EvidencePage" }),
});

export const createEvidenceSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/evidence",
  tag: TAG,
  summary: "Create a link, note or link-based attestation",
  description:
    "Files are uploaded with POST /api/v1/evidence/files. `supersedesId` makes the new item a revision: the old one becomes superseded and its duty links move to the new one.",
  permission: "evidence.create",
  body: createEvidenceBodySchema,
  response: evidenceDetailSchema,
  successStatus: 201,
});

export const uploadEvidenceSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/evidence/files",
  tag: TAG,
  summary: "Upload a file (multipart/form-data)",
  description:
    "Request body: multipart/form-data with one part named `file` and text fields `kind` (FILE or ATTESTATION), `title` (default: the file name), `description`, `collectedAt`, `validUntil` (YYYY-MM-DD = end of that day, or ISO 8601), `dutyIds` (repeat or comma-separate), `supersedesId`, `attestationType`, `vendorId`. The body is streamed, never buffered. The type is decided from the content: PDF, PNG, JPEG, GIF, WebP, DOCX/XLSX/PPTX, UTF-8 text/CSV/JSON/Markdown; markup (HTML, SVG, XML) is refused. Too large: 413. Nothing is kept when the upload is refused or interrupted.",
  permission: "evidence.create",
  response: evidenceDetailSchema,
  successStatus: 201,
});

export const getEvidenceSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/evidence/{evidenceId}",
  tag: TAG,
  summary: "Get an evidence item with its duty links and revision history",
  permission: "evidence.read",
  params: evidenceParamsSchema,
  response: evidenceDetailSchema,
});

export const deleteEvidenceSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/evidence/{evidenceId}",
  tag: TAG,
  summary: "Delete (soft) an evidence item",
  description: "The item stops counting and leaves the library; its file stays until purged.",
  permission: "evidence.delete",
  params: evidenceParamsSchema,
  response: z.object({ id: z.string(), deletedAt: iso }),
});

export const purgeEvidenceSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/evidence/{evidenceId}/purge",
  tag: TAG,
  summary: "Purge a deleted evidence item's file and content",
  description:
    "Irreversible. Only for deleted items (409 otherwise). The row keeps name, size and SHA-256.",
  permission: "evidence.purge",
  params: evidenceParamsSchema,
  response: z.object({ id: z.string(), purgedAt: iso }),
});

export const downloadEvidenceSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/evidence/{evidenceId}/download",
  tag: TAG,
  summary: "Download an evidence file",
  description:
    "Answers the file's bytes (not JSON) as an attachment with `Repr-Digest: sha-256=…`. The stored SHA-256 is verified while streaming; on a mismatch the transfer is aborted before its last bytes, short of Content-Length.",
  permission: "evidence.read",
  params: evidenceParamsSchema,
  response: z.string(),
  // The stored type detected at upload (PDF, images, Office files, text…); octet-stream otherwise.
  download: { contentTypes: ["application/octet-stream"] },
});

const evidenceDutyParamsSchema = z.object({
  evidenceId: evidenceParamsSchema.shape.evidenceId,
  dutyId: deprecatedEvidenceDutyParamsSchema.shape.dutyId,
});
const LINK_DESCRIPTION =
  "Idempotent (`created: false` when the link existed). Only the newest revision of a live item can be linked.";

export const linkEvidenceDutySpec = defineApiRoute({
  method: "PUT",
  path: "/api/v1/evidence/{evidenceId}/duties/{dutyId}",
  tag: TAG,
  summary: "Link an evidence item to a duty",
  description: LINK_DESCRIPTION,
  permission: "evidence.update",
  params: evidenceDutyParamsSchema,
  response: z.object({ evidenceId: z.string(), dutyId: z.string(), created: z.boolean() }),
});

export const unlinkEvidenceDutySpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/evidence/{evidenceId}/duties/{dutyId}",
  tag: TAG,
  summary: "Unlink an evidence item from a duty",
  permission: "evidence.update",
  params: evidenceDutyParamsSchema,
  response: z.object({ evidenceId: z.string(), dutyId: z.string(), removed: z.literal(true) }),
});

// The old paths of the two above, kept for one API version.
const oldPath = {
  successor: "/api/v1/evidence/{evidenceId}/duties/{dutyId}",
  renamedParams: { dutyId: "dutyId" },
  since: DUTY_RENAME_DATE,
} as const;

export const linkEvidenceSpec = defineApiRoute({
  method: "PUT",
  path: "/api/v1/evidence/{evidenceId}/parts/{dutyId}",
  tag: TAG,
  summary: "Link an evidence item to a duty (old path)",
  description: LINK_DESCRIPTION,
  permission: "evidence.update",
  params: deprecatedEvidenceDutyParamsSchema,
  response: z.object({ evidenceId: z.string(), dutyId: z.string(), created: z.boolean() }),
  deprecated: oldPath,
});

export const unlinkEvidenceSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/evidence/{evidenceId}/parts/{dutyId}",
  tag: TAG,
  summary: "Unlink an evidence item from a duty (old path)",
  permission: "evidence.update",
  params: deprecatedEvidenceDutyParamsSchema,
  response: z.object({ evidenceId: z.string(), dutyId: z.string(), removed: z.literal(true) }),
  deprecated: oldPath,
});

export const reviewEvidenceSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/evidence/{evidenceId}/review",
  tag: TAG,
  summary: "Accept or reject an evidence item",
  description:
    "A comment is required when rejecting. Rejected items stop counting towards coverage.",
  permission: "evidence.review",
  params: evidenceParamsSchema,
  body: reviewEvidenceBodySchema,
  response: evidenceDetailSchema,
});

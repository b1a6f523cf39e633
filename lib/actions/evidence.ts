"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { linkEvidenceToDuty } from "@/lib/server/evidence/link-evidence-to-duty";
import { purgeEvidence } from "@/lib/server/evidence/purge-evidence";
import { reviewEvidence } from "@/lib/server/evidence/review-evidence";
import { unlinkEvidenceFromDuty } from "@/lib/server/evidence/unlink-evidence-from-duty";
import {
  createEvidenceBodySchema,
  deprecatedEvidenceDutyParamsSchema,
  evidenceParamsSchema,
  reviewEvidenceInputSchema,
} from "@/lib/validation/evidence";

// Evidence mutations of the signed-in UI. File bytes never come through here: the forms upload
// them to /api/workspaces/[slug]/evidence/files (see that route for why). Each action returns
// plain ids and dates only, nothing the caller could not already read.

/** A link, a Markdown note or a link-based attestation, optionally linked to parts at once. */
export const createEvidenceAction = workspaceActionClient
  .metadata({ name: "evidence.create", permission: "evidence.create" })
  .inputSchema(createEvidenceBodySchema)
  .action(async ({ parsedInput, ctx }) => {
    const item = await createEvidence({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return { id: item.id };
  });

/** "Reuse": link an existing item to one more responsibility part. */
export const linkEvidenceAction = workspaceActionClient
  .metadata({ name: "evidence.link", permission: "evidence.update" })
  .inputSchema(deprecatedEvidenceDutyParamsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await linkEvidenceToDuty({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const unlinkEvidenceAction = workspaceActionClient
  .metadata({ name: "evidence.unlink", permission: "evidence.update" })
  .inputSchema(deprecatedEvidenceDutyParamsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await unlinkEvidenceFromDuty({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return { ok: true };
  });

// The API's review body (with its rule: a rejection needs a comment) plus the item's id, side by
// side so a missing comment is reported on the "comment" field.

export const reviewEvidenceAction = workspaceActionClient
  .metadata({ name: "evidence.review", permission: "evidence.review" })
  .inputSchema(reviewEvidenceInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const item = await reviewEvidence({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      evidenceId: parsedInput.evidenceId,
      review: { status: parsedInput.status, comment: parsedInput.comment },
    });
    revalidateWorkspace(ctx.workspace.slug);
    return { id: item.id, status: item.review.status };
  });

export const deleteEvidenceAction = workspaceActionClient
  .metadata({ name: "evidence.delete", permission: "evidence.delete" })
  .inputSchema(evidenceParamsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteEvidence({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      evidenceId: parsedInput.evidenceId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

/** Permanent: removes the stored file of a deleted item (ADMIN and above). */
export const purgeEvidenceAction = workspaceActionClient
  .metadata({ name: "evidence.purge", permission: "evidence.purge" })
  .inputSchema(evidenceParamsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await purgeEvidence({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      evidenceId: parsedInput.evidenceId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

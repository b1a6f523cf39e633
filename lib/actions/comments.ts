"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { createComment } from "@/lib/server/comments/create-comment";
import { deleteComment } from "@/lib/server/comments/delete-comment";
import { updateComment } from "@/lib/server/comments/update-comment";
import {
  createCommentSchema,
  deleteCommentSchema,
  updateCommentSchema,
} from "@/lib/validation/plans";

export const createCommentAction = workspaceActionClient
  .metadata({ name: "comment.create", permission: "comment.create" })
  .inputSchema(createCommentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createComment({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      authorId: ctx.user.id,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

// Editing needs comment.create (a writer) and being the author, checked by the service.
export const updateCommentAction = workspaceActionClient
  .metadata({ name: "comment.update", permission: "comment.create" })
  .inputSchema(updateCommentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateComment({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.user.id,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

// Deleting: the author (a writer), or an OWNER/ADMIN for anyone's (checked by the service).
export const deleteCommentAction = workspaceActionClient
  .metadata({ name: "comment.delete", permission: "comment.create" })
  .inputSchema(deleteCommentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteComment({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.user.id,
      role: ctx.role,
      commentId: parsedInput.commentId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

"use server";

import { redirect } from "next/navigation";

import { revalidateWorkspace, revalidateWorkspacePicker } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { renameWorkspace } from "@/lib/server/workspaces/rename-workspace";
import { requestWorkspaceDeletion } from "@/lib/server/workspaces/request-workspace-deletion";
import { deleteWorkspaceSchema, renameWorkspaceSchema } from "@/lib/validation/workspace";

export const renameWorkspaceAction = workspaceActionClient
  .metadata({ name: "workspace.rename", permission: "workspace.update" })
  .inputSchema(renameWorkspaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await renameWorkspace({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      name: parsedInput.name,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const deleteWorkspaceAction = workspaceActionClient
  .metadata({ name: "workspace.delete", permission: "workspace.delete" })
  .inputSchema(deleteWorkspaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await requestWorkspaceDeletion({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      actorUser: ctx.user,
      confirmSlug: parsedInput.confirmSlug,
      finalBundle: parsedInput.finalBundle,
    });
    revalidateWorkspacePicker();
    redirect(`/w?deleted=${encodeURIComponent(result.slug)}`);
  });

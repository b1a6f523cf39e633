"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { renameWorkspace } from "@/lib/server/workspaces/rename-workspace";
import { renameWorkspaceSchema } from "@/lib/validation/workspace";

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

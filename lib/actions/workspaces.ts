"use server";

import { revalidateWorkspacePicker } from "@/lib/actions/revalidate";
import { authenticatedActionClient } from "@/lib/actions/safe-action";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { createWorkspaceSchema } from "@/lib/validation/workspace";

export const createWorkspaceAction = authenticatedActionClient
  .metadata({ name: "workspace.create" })
  .inputSchema(createWorkspaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const workspace = await createWorkspace({
      ownerId: ctx.user.id,
      actor: ctx.actor,
      name: parsedInput.name,
      slug: parsedInput.slug,
    });
    revalidateWorkspacePicker();
    return { slug: workspace.slug };
  });

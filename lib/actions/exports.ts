"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { cancelExportJob } from "@/lib/server/exports/cancel-export-job";
import { startExport } from "@/lib/server/exports/start-export";
import { exportJobIdSchema, exportScopeSchema } from "@/lib/validation/exports";

export const startExportAction = workspaceActionClient
  .metadata({ name: "export.create", permission: "export.create" })
  .inputSchema(exportScopeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const job = await startExport({
      workspaceId: ctx.workspace.id,
      role: ctx.role,
      actor: ctx.actor,
      requestedById: ctx.user.id,
      scope: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return job;
  });

export const cancelExportAction = workspaceActionClient
  .metadata({ name: "export.cancel", permission: "export.create" })
  .inputSchema(exportJobIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const job = await cancelExportJob({
      workspaceId: ctx.workspace.id,
      exportId: parsedInput.exportId,
      actor: ctx.actor,
      actorUserId: ctx.user.id,
      role: ctx.role,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return job;
  });

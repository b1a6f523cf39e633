"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { importFramework } from "@/lib/server/frameworks/import-framework";
import { previewFrameworkImport } from "@/lib/server/frameworks/preview-framework-import";
import { frameworkImportInputSchema } from "@/lib/validation/frameworks";

/** Validates an uploaded file and says what importing it would do; writes nothing. */
export const previewFrameworkImportAction = workspaceActionClient
  .metadata({ name: "framework.previewImport", permission: "framework.import" })
  .inputSchema(frameworkImportInputSchema)
  .action(async ({ parsedInput, ctx }) =>
    previewFrameworkImport({ workspaceId: ctx.workspace.id, source: parsedInput }),
  );

/** Stores the confirmed file (validated again: the preview is advisory, this is the gate). */
export const importFrameworkAction = workspaceActionClient
  .metadata({ name: "framework.import", permission: "framework.import" })
  .inputSchema(frameworkImportInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await importFramework({
      target: { workspaceId: ctx.workspace.id, role: ctx.role, actor: ctx.actor },
      source: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return { status: result.status, key: result.key, version: result.version, name: result.name };
  });

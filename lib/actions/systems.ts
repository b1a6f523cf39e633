"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { setSystemArchived } from "@/lib/server/systems/archive-system";
import { importSystems } from "@/lib/server/systems/import-systems";
import { previewRederivation } from "@/lib/server/systems/preview-rederivation";
import { registerSystem } from "@/lib/server/systems/register-system";
import { updateSystem } from "@/lib/server/systems/update-system";
import {
  importSystemsSchema,
  rederivationPreviewSchema,
  registerSystemSchema,
  systemIdSchema,
  updateSystemSchema,
} from "@/lib/validation/systems";

export const registerSystemAction = workspaceActionClient
  .metadata({ name: "system.create", permission: "system.create" })
  .inputSchema(registerSystemSchema)
  .action(async ({ parsedInput, ctx }) => {
    const system = await registerSystem({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      fields: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return { id: system.id, counts: system.counts };
  });

export const updateSystemAction = workspaceActionClient
  .metadata({ name: "system.update", permission: "system.update" })
  .inputSchema(updateSystemSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateSystem({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

/** Read-only, but offered where systems are edited, so it asks for the edit permission. */
export const previewRederivationAction = workspaceActionClient
  .metadata({ name: "system.previewRederivation", permission: "system.update" })
  .inputSchema(rederivationPreviewSchema)
  .action(async ({ parsedInput, ctx }) =>
    previewRederivation({ workspaceId: ctx.workspace.id, ...parsedInput }),
  );

export const archiveSystemAction = workspaceActionClient
  .metadata({ name: "system.archive", permission: "system.archive" })
  .inputSchema(systemIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setSystemArchived({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      systemId: parsedInput.systemId,
      archived: true,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return { id: result.id };
  });

export const restoreSystemAction = workspaceActionClient
  .metadata({ name: "system.restore", permission: "system.archive" })
  .inputSchema(systemIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setSystemArchived({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      systemId: parsedInput.systemId,
      archived: false,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return { id: result.id };
  });

export const importSystemsAction = workspaceActionClient
  .metadata({ name: "system.import", permission: "system.create" })
  .inputSchema(importSystemsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await importSystems({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      csv: parsedInput.csv,
    });
    if (result.status === "imported") revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { bulkAssignOwner } from "@/lib/server/responsibilities/bulk-assign-owner";
import { bulkSetDueDate } from "@/lib/server/responsibilities/bulk-set-due-date";
import { overrideResponsibility } from "@/lib/server/responsibilities/override-responsibility";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import {
  bulkAssignOwnerSchema,
  bulkSetDueDateSchema,
  overrideResponsibilitySchema,
  updateDutySchema,
} from "@/lib/validation/responsibilities";

export const overrideResponsibilityAction = workspaceActionClient
  .metadata({ name: "responsibility.override", permission: "responsibility.override" })
  .inputSchema(overrideResponsibilitySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await overrideResponsibility({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const updateDutyAction = workspaceActionClient
  .metadata({ name: "responsibility.update", permission: "responsibility.update" })
  .inputSchema(updateDutySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateDuty({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const bulkAssignOwnerAction = workspaceActionClient
  .metadata({ name: "responsibility.bulkAssignOwner", permission: "responsibility.update" })
  .inputSchema(bulkAssignOwnerSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await bulkAssignOwner({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const bulkSetDueDateAction = workspaceActionClient
  .metadata({ name: "responsibility.bulkSetDueDate", permission: "responsibility.update" })
  .inputSchema(bulkSetDueDateSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await bulkSetDueDate({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

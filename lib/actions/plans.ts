"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { addPlanDuties } from "@/lib/server/plans/add-plan-duties";
import { closePlan } from "@/lib/server/plans/close-plan";
import { createPlan } from "@/lib/server/plans/create-plan";
import { removePlanDuties } from "@/lib/server/plans/remove-plan-duties";
import { updatePlan } from "@/lib/server/plans/update-plan";
import {
  closePlanSchema,
  createPlanSchema,
  planDutiesSchema,
  updatePlanSchema,
} from "@/lib/validation/plans";

export const createPlanAction = workspaceActionClient
  .metadata({ name: "plan.create", permission: "plan.create" })
  .inputSchema(createPlanSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createPlan({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.user.id,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const updatePlanAction = workspaceActionClient
  .metadata({ name: "plan.update", permission: "plan.update" })
  .inputSchema(updatePlanSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updatePlan({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.user.id,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const addPlanDutiesAction = workspaceActionClient
  .metadata({ name: "plan.addDuties", permission: "plan.update" })
  .inputSchema(planDutiesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await addPlanDuties({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.user.id,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const removePlanDutiesAction = workspaceActionClient
  .metadata({ name: "plan.removeDuties", permission: "plan.update" })
  .inputSchema(planDutiesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await removePlanDuties({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const closePlanAction = workspaceActionClient
  .metadata({ name: "plan.close", permission: "plan.update" })
  .inputSchema(closePlanSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await closePlan({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.user.id,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { cancelApprovalRequest } from "@/lib/server/approvals/cancel-approval-request";
import { createApprovalRequest } from "@/lib/server/approvals/create-approval-request";
import {
  approveApprovalRequest,
  rejectApprovalRequest,
} from "@/lib/server/approvals/decide-approval-request";
import { updateApprovalSettings } from "@/lib/server/workspaces/update-approval-settings";
import {
  approvalSettingsSchema,
  approveApprovalSchema,
  cancelApprovalSchema,
  createApprovalSchema,
  rejectApprovalSchema,
} from "@/lib/validation/approvals";

export const requestApprovalAction = workspaceActionClient
  .metadata({ name: "approval.request", permission: "approval.request" })
  .inputSchema(createApprovalSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createApprovalRequest({
      workspaceId: ctx.workspace.id,
      caller: { actor: ctx.actor, userId: ctx.user.id },
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const approveApprovalAction = workspaceActionClient
  .metadata({ name: "approval.approve", permission: "approval.decide" })
  .inputSchema(approveApprovalSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await approveApprovalRequest({
      workspaceId: ctx.workspace.id,
      caller: { actor: ctx.actor, userId: ctx.user.id },
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const rejectApprovalAction = workspaceActionClient
  .metadata({ name: "approval.reject", permission: "approval.decide" })
  .inputSchema(rejectApprovalSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await rejectApprovalRequest({
      workspaceId: ctx.workspace.id,
      caller: { actor: ctx.actor, userId: ctx.user.id },
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const cancelApprovalAction = workspaceActionClient
  .metadata({ name: "approval.cancel", permission: "approval.request" })
  .inputSchema(cancelApprovalSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await cancelApprovalRequest({
      workspaceId: ctx.workspace.id,
      caller: { actor: ctx.actor, userId: ctx.user.id },
      approvalId: parsedInput.approvalId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const updateApprovalSettingsAction = workspaceActionClient
  .metadata({ name: "workspace.updateApprovalSettings", permission: "workspace.update" })
  .inputSchema(approvalSettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateApprovalSettings({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      maxApprovalMonths: parsedInput.maxApprovalMonths,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { createVendor } from "@/lib/server/vendors/create-vendor";
import { deleteVendor } from "@/lib/server/vendors/delete-vendor";
import { linkVendorSystems } from "@/lib/server/vendors/link-vendor-systems";
import { saveAssessmentAnswer } from "@/lib/server/vendors/save-assessment-answer";
import { unlinkVendorSystem } from "@/lib/server/vendors/unlink-vendor-system";
import { updateVendor } from "@/lib/server/vendors/update-vendor";
import {
  assessmentAnswerSchema,
  createVendorSchema,
  linkVendorSystemsSchema,
  unlinkVendorSystemSchema,
  updateVendorSchema,
  vendorIdSchema,
} from "@/lib/validation/vendors";

export const createVendorAction = workspaceActionClient
  .metadata({ name: "vendor.create", permission: "vendor.create" })
  .inputSchema(createVendorSchema)
  .action(async ({ parsedInput, ctx }) => {
    const vendor = await createVendor({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      fields: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return vendor;
  });

export const updateVendorAction = workspaceActionClient
  .metadata({ name: "vendor.update", permission: "vendor.update" })
  .inputSchema(updateVendorSchema)
  .action(async ({ parsedInput: { vendorId, ...fields }, ctx }) => {
    const vendor = await updateVendor({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      vendorId,
      fields,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return vendor;
  });

// No separate delete permission exists: removing a vendor is vendor maintenance (EDITOR+).
export const deleteVendorAction = workspaceActionClient
  .metadata({ name: "vendor.delete", permission: "vendor.update" })
  .inputSchema(vendorIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteVendor({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      vendorId: parsedInput.vendorId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const linkVendorSystemsAction = workspaceActionClient
  .metadata({ name: "vendor.linkSystems", permission: "vendor.update" })
  .inputSchema(linkVendorSystemsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await linkVendorSystems({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const unlinkVendorSystemAction = workspaceActionClient
  .metadata({ name: "vendor.unlinkSystem", permission: "vendor.update" })
  .inputSchema(unlinkVendorSystemSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await unlinkVendorSystem({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const saveAssessmentAnswerAction = workspaceActionClient
  .metadata({ name: "vendor.assess", permission: "vendor.update" })
  .inputSchema(assessmentAnswerSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveAssessmentAnswer({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { createProviderStatement } from "@/lib/server/statements/create-provider-statement";
import { decideReviewItem } from "@/lib/server/statements/decide-review-item";
import { importStatement } from "@/lib/server/statements/import-statement";
import { publishProviderStatement } from "@/lib/server/statements/publish-provider-statement";
import { revokeProviderStatement } from "@/lib/server/statements/revoke-provider-statement";
import { setStatementVisibility } from "@/lib/server/statements/set-statement-visibility";
import { updateStatementDraft } from "@/lib/server/statements/update-statement-draft";
import {
  createStatementSchema,
  decideReviewItemSchema,
  importStatementSchema,
  statementIdSchema,
  statementVisibilitySchema,
  updateStatementDraftSchema,
} from "@/lib/validation/statements";

export const createStatementAction = workspaceActionClient
  .metadata({ name: "statement.create", permission: "statement.publish" })
  .inputSchema(createStatementSchema)
  .action(async ({ parsedInput, ctx }) => {
    const statement = await createProviderStatement({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return statement;
  });

export const updateStatementDraftAction = workspaceActionClient
  .metadata({ name: "statement.updateDraft", permission: "statement.publish" })
  .inputSchema(updateStatementDraftSchema)
  .action(async ({ parsedInput, ctx }) => {
    const statement = await updateStatementDraft({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      input: parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return statement;
  });

export const publishStatementAction = workspaceActionClient
  .metadata({ name: "statement.publish", permission: "statement.publish" })
  .inputSchema(statementIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await publishProviderStatement({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      statementId: parsedInput.statementId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const setStatementVisibilityAction = workspaceActionClient
  .metadata({ name: "statement.visibility", permission: "statement.publish" })
  .inputSchema(statementVisibilitySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setStatementVisibility({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const revokeStatementAction = workspaceActionClient
  .metadata({ name: "statement.revoke", permission: "statement.publish" })
  .inputSchema(statementIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await revokeProviderStatement({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      statementId: parsedInput.statementId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const importStatementAction = workspaceActionClient
  .metadata({ name: "statement.import", permission: "statement.import" })
  .inputSchema(importStatementSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await importStatement({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      vendorId: parsedInput.vendorId,
      text: parsedInput.text,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const decideReviewItemAction = workspaceActionClient
  .metadata({ name: "statement.review", permission: "statement.import" })
  .inputSchema(decideReviewItemSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await decideReviewItem({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

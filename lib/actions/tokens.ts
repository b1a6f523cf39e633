"use server";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { createApiTokenSchema, tokenIdSchema } from "@/lib/validation/tokens";

export const createApiTokenAction = workspaceActionClient
  .metadata({ name: "token.create", permission: "token.create" })
  .inputSchema(createApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    const days = parsedInput.expiresInDays === "never" ? null : Number(parsedInput.expiresInDays);
    const token = await createApiToken({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      actorRole: ctx.role,
      createdById: ctx.user.id,
      name: parsedInput.name,
      role: parsedInput.role,
      expiresAt: days ? new Date(Date.now() + days * 24 * 60 * 60 * 1000) : null,
    });
    revalidateWorkspace(ctx.workspace.slug);
    // The secret leaves the server exactly once, in this response.
    return { id: token.id, name: token.name, prefix: token.prefix, secret: token.secret };
  });

export const revokeApiTokenAction = workspaceActionClient
  .metadata({ name: "token.revoke", permission: "token.revoke" })
  .inputSchema(tokenIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await revokeApiToken({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      tokenId: parsedInput.tokenId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

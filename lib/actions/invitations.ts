"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { actionClient, authenticatedActionClient } from "@/lib/actions/safe-action";
import { startSession } from "@/lib/auth/session";
import {
  acceptInvitation,
  acceptInvitationWithSignUp,
} from "@/lib/server/invitations/accept-invitation";
import { passwordSchema, personNameSchema } from "@/lib/validation/auth";

const tokenSchema = z.string().min(20).max(100);

export const acceptInvitationAction = authenticatedActionClient
  .metadata({ name: "invitation.accept" })
  .inputSchema(z.object({ token: tokenSchema }))
  .action(async ({ parsedInput, ctx }) => {
    const accepted = await acceptInvitation({ token: parsedInput.token, userId: ctx.user.id });
    redirect(`/w/${accepted.workspace.slug}`);
  });

export const acceptInvitationWithSignUpAction = actionClient
  .metadata({ name: "invitation.acceptWithSignUp" })
  .inputSchema(z.object({ token: tokenSchema, name: personNameSchema, password: passwordSchema }))
  .action(async ({ parsedInput }) => {
    const accepted = await acceptInvitationWithSignUp(parsedInput);
    await startSession(accepted.user);
    redirect(`/w/${accepted.workspace.slug}`);
  });

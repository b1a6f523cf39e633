"use server";

import { redirect } from "next/navigation";

import { actionClient, authenticatedActionClient } from "@/lib/actions/safe-action";
import { startSession } from "@/lib/auth/session";
import {
  acceptInvitation,
  acceptInvitationWithSignUp,
} from "@/lib/server/invitations/accept-invitation";
import { acceptInvitationSchema, acceptInvitationWithSignUpSchema } from "@/lib/validation/members";

export const acceptInvitationAction = authenticatedActionClient
  .metadata({ name: "invitation.accept" })
  .inputSchema(acceptInvitationSchema)
  .action(async ({ parsedInput, ctx }) => {
    const accepted = await acceptInvitation({ token: parsedInput.token, userId: ctx.user.id });
    redirect(`/w/${accepted.workspace.slug}`);
  });

export const acceptInvitationWithSignUpAction = actionClient
  .metadata({ name: "invitation.acceptWithSignUp" })
  .inputSchema(acceptInvitationWithSignUpSchema)
  .action(async ({ parsedInput }) => {
    const accepted = await acceptInvitationWithSignUp(parsedInput);
    await startSession(accepted.user);
    redirect(`/w/${accepted.workspace.slug}`);
  });

"use server";

import { redirect } from "next/navigation";

import { actionClient } from "@/lib/actions/safe-action";
import { startSession } from "@/lib/auth/session";
import { registerUser } from "@/lib/server/users/register-user";
import { signUpSchema } from "@/lib/validation/auth";

export const signUpAction = actionClient
  .metadata({ name: "auth.signUp" })
  .inputSchema(signUpSchema)
  .action(async ({ parsedInput }) => {
    const { user, workspace } = await registerUser(parsedInput);
    await startSession(user);
    redirect(`/w/${workspace.slug}`);
  });

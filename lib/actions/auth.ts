"use server";

import { redirect } from "next/navigation";

import { actionClient } from "@/lib/actions/safe-action";
import { callbackPath } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";
import { endSession, startSession } from "@/lib/auth/session";
import { authenticateWithPassword } from "@/lib/server/auth/authenticate-with-password";
import { registerUser } from "@/lib/server/users/register-user";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";

export const signInAction = actionClient
  .metadata({ name: "auth.signIn" })
  .inputSchema(signInSchema)
  .action(async ({ parsedInput }) => {
    const user = await authenticateWithPassword({
      email: parsedInput.email,
      password: parsedInput.password,
      clientAddress: await clientAddress(),
    });
    await startSession(user);
    redirect(callbackPath(parsedInput.callbackUrl));
  });

export const signUpAction = actionClient
  .metadata({ name: "auth.signUp" })
  .inputSchema(signUpSchema)
  .action(async ({ parsedInput }) => {
    const { user, workspace } = await registerUser(parsedInput);
    await startSession(user);
    redirect(`/w/${workspace.slug}`);
  });

export const signOutAction = actionClient.metadata({ name: "auth.signOut" }).action(async () => {
  await endSession();
  redirect("/sign-in");
});

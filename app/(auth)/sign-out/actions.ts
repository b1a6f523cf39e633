"use server";

import { redirect } from "next/navigation";

import { actionClient } from "@/lib/actions/safe-action";
import { endSession } from "@/lib/auth/session";

export const signOutAction = actionClient.metadata({ name: "auth.signOut" }).action(async () => {
  await endSession();
  redirect("/sign-in");
});

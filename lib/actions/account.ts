"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { authenticatedActionClient } from "@/lib/actions/safe-action";
import { clientAddress } from "@/lib/auth/client-address";
import { clearSessionCookie } from "@/lib/auth/session";
import { setSsoLinkIntent } from "@/lib/auth/sso-link-intent";
import { oidcEnabled } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { endSessionOfUser } from "@/lib/server/sessions/end-sessions";
import { signOutEverywhere } from "@/lib/server/sessions/sign-out-everywhere";
import { changePassword } from "@/lib/server/users/change-password";
import { changePasswordSchema, sessionIdSchema } from "@/lib/validation/account";

export const changePasswordAction = authenticatedActionClient
  .metadata({ name: "account.changePassword" })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await changePassword({
      userId: ctx.user.id,
      currentSessionId: ctx.sessionId,
      currentPassword: parsedInput.currentPassword,
      newPassword: parsedInput.newPassword,
      clientAddress: await clientAddress(),
    });
    revalidatePath("/account");
    return result;
  });

/** Ends one of the user's other sessions (the current one signs out through /sign-out). */
export const endSessionAction = authenticatedActionClient
  .metadata({ name: "account.endSession" })
  .inputSchema(sessionIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const ended = await endSessionOfUser({
      user: ctx.user,
      sessionId: parsedInput.sessionId,
      clientAddress: await clientAddress(),
    });
    if (!ended) throw new NotFoundError("That session has already ended.");
    revalidatePath("/account");
    return { ended };
  });

export const signOutEverywhereAction = authenticatedActionClient
  .metadata({ name: "account.signOutEverywhere" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    await signOutEverywhere({ user: ctx.user, clientAddress: await clientAddress() });
    await clearSessionCookie();
    redirect("/sign-in");
  });

/**
 * First half of "Link single sign-on": records, for this session only, that the next provider
 * round trip is a link request (lib/auth/sso-link-intent.ts). The browser then goes to the
 * provider; next-auth's callback attaches the identity to this account (lib/auth/options.ts).
 */
export const startSsoLinkAction = authenticatedActionClient
  .metadata({ name: "account.startSsoLink" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    if (!oidcEnabled()) throw new NotFoundError("Single sign-on is not configured.");
    await setSsoLinkIntent(ctx.sessionId);
    return { ok: true };
  });

import "server-only";

import { endUserSessions } from "@/lib/server/sessions/end-sessions";
import { accountTransaction, recordAccountEvent } from "@/lib/server/users/account-events";

/**
 * Ends every session of the user, the current one included ("sign out everywhere": a lost
 * laptop, a session left open elsewhere). Audited in the account and its workspaces.
 */
export async function signOutEverywhere(input: {
  user: { id: string; email: string };
  clientAddress?: string | null;
}): Promise<{ endedSessions: number }> {
  return accountTransaction(input.user.id, "signOutEverywhere", async (tx) => {
    const endedSessions = await endUserSessions(tx, { userId: input.user.id });
    await recordAccountEvent(tx, {
      userId: input.user.id,
      actor: { type: "USER", id: input.user.id, label: input.user.email },
      action: "auth.signOutEverywhere",
      detail: { endedSessions },
      ipAddress: input.clientAddress,
    });
    return { endedSessions };
  });
}

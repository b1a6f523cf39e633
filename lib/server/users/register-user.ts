import "server-only";

import { hashPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { retryingTransaction } from "@/lib/db/transaction";
import { ConflictError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createWorkspaceInTransaction } from "@/lib/server/workspaces/create-workspace";

export const ACCOUNT_EXISTS =
  "An account with this e-mail address already exists. Sign in instead.";

/**
 * Creates an account with a password and, in the same transaction, its first workspace (the
 * new user is its OWNER). Nothing is written when any step fails.
 */
export async function registerUser(input: {
  name: string;
  email: string;
  password: string;
  workspaceName?: string;
}) {
  assertAcceptablePassword(input.password, { email: input.email, name: input.name });
  const passwordHash = await hashPassword(input.password);
  try {
    return await retryingTransaction("registerUser", async (tx) => {
      const existing = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true },
      });
      if (existing) throw new ConflictError(ACCOUNT_EXISTS);
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, lastSignInAt: new Date() },
        select: { id: true, email: true, name: true },
      });
      const workspace = await createWorkspaceInTransaction(tx, {
        ownerId: user.id,
        actor: { type: "USER", id: user.id, label: user.email },
        name: input.workspaceName?.trim() || `${input.name}'s workspace`,
      });
      return { user, workspace };
    });
  } catch (error) {
    // Two sign-ups with the same e-mail at once: the unique index decides, the loser gets 409.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(ACCOUNT_EXISTS);
    }
    throw error;
  }
}

/** Creates an account without a workspace (invitation acceptance adds the membership). */
export async function createPasswordUser(
  tx: Prisma.TransactionClient,
  input: { name: string; email: string; passwordHash: string },
) {
  const existing = await tx.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  if (existing) throw new ConflictError(ACCOUNT_EXISTS);
  return tx.user.create({
    data: { ...input, lastSignInAt: new Date() },
    select: { id: true, email: true, name: true },
  });
}

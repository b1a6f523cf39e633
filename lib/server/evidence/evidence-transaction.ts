import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The workspace transaction of an evidence write (lib/db/transaction.ts: workspace lock first,
 * retried on a deadlock). Every evidence write does its storage work before (upload) or after
 * (file deletion job, woken after the commit) the transaction, so re-running it is safe. The only
 * unique constraints they can hit are "one newer revision per item" and "one link per item and
 * part", both meaning someone else got there first.
 */
export async function evidenceTransaction<T>(
  workspaceId: string,
  name: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await workspaceTransaction(workspaceId, name, work);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "Someone changed this evidence at the same time; reload and try again.",
      );
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}

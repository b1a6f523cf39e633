import "server-only";

import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * db.$transaction for evidence writes. The only unique constraints they can hit are "one newer
 * revision per item" and "one link per item and part", both meaning someone else got there first.
 */
export async function evidenceTransaction<T>(
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(work);
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

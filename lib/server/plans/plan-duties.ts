import "server-only";

import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The parts a plan may name: parts of this workspace only. An id of another workspace (or none)
 * is refused by name, so nothing is half-written and nothing reveals another tenant.
 */
export async function assertWorkspaceDuties(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; dutyIds: readonly string[] },
): Promise<string[]> {
  const unique = [...new Set(input.dutyIds)];
  if (unique.length === 0) return [];
  const found = await tx.duty.findMany({
    where: { workspaceId: input.workspaceId, id: { in: unique } },
    select: { id: true },
  });
  const known = new Set(found.map((row) => row.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw ValidationError.forField(
      "dutyIds",
      `No duty ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""} in this workspace.`,
    );
  return unique;
}

/** The slug for links in notifications. */
export async function workspaceSlug(
  tx: Prisma.TransactionClient,
  workspaceId: string,
): Promise<string> {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { slug: true },
  });
  return workspace.slug;
}

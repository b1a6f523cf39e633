import "server-only";

import { db } from "@/lib/db/client";

/** Active systems of the workspace not yet linked to this vendor, for the "link a system" picker. */
export async function listLinkCandidates({
  workspaceId,
  vendorId,
}: {
  workspaceId: string;
  vendorId: string;
}) {
  return db.aiSystem.findMany({
    where: {
      workspaceId,
      archivedAt: null,
      OR: [{ vendorId: null }, { vendorId: { not: vendorId } }],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

import "server-only";

import { db } from "@/lib/db/client";
import type { ResolvedScope } from "@/lib/server/exports/collect-scope";
import type { OscalVendorRow } from "@/lib/server/oscal/ssp-input-from-bundle";

/** The vendors of the systems in scope, this workspace's only, by name. */
export function loadScopeVendors(resolved: ResolvedScope): Promise<OscalVendorRow[]> {
  const ids = [
    ...new Set(resolved.systems.map((s) => s.vendorId).filter((id): id is string => id !== null)),
  ];
  return db.vendor.findMany({
    where: { workspaceId: resolved.workspace.id, id: { in: ids } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, website: true, createdAt: true },
  });
}

import "server-only";

import { db } from "@/lib/db/client";
import { ASSESSMENT_TOPICS } from "@/lib/validation/vendors";

/** Vendors of a workspace with system counts and assessment progress (two queries). */
export async function listVendors({ workspaceId, q }: { workspaceId: string; q?: string | null }) {
  const vendors = await db.vendor.findMany({
    where: { workspaceId, ...(q ? { name: { contains: q, mode: "insensitive" } } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      website: true,
      contactName: true,
      contactEmail: true,
      notes: true,
      _count: { select: { systems: { where: { archivedAt: null } } } },
    },
  });
  const answers = await db.vendorAssessmentAnswer.groupBy({
    by: ["vendorId", "status"],
    where: { workspaceId, vendorId: { in: vendors.map((v) => v.id) } },
    _count: { _all: true },
  });
  return vendors.map((vendor) => {
    const mine = answers.filter((a) => a.vendorId === vendor.id);
    const count = (status: string) =>
      mine.filter((a) => a.status === status).reduce((sum, a) => sum + a._count._all, 0);
    return {
      ...vendor,
      systemCount: vendor._count.systems,
      assessment: {
        topics: ASSESSMENT_TOPICS.length,
        done: count("SATISFACTORY") + count("CONCERN") + count("NOT_APPLICABLE"),
        concerns: count("CONCERN"),
      },
    };
  });
}

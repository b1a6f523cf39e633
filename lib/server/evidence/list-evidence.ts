import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  evidenceSelect,
  type EvidenceView,
  toEvidenceView,
} from "@/lib/server/evidence/evidence-view";
import type { EvidenceFilterState, ListEvidenceQuery } from "@/lib/validation/evidence";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The states of lib/domain/evidence-state.ts as SQL conditions (first match wins there, so each
 * condition here excludes the earlier states): deleted → superseded → rejected → expired →
 * expiring soon → current. A test checks that every listed item's computed state is the filter's.
 */
export function evidenceStateWhere(
  state: EvidenceFilterState,
  now: Date,
  expiringSoonDays: number,
): Prisma.EvidenceWhereInput {
  const soon = new Date(now.getTime() + expiringSoonDays * DAY_MS);
  const live = { deletedAt: null, supersededAt: null };
  const notRejected = { ...live, reviewStatus: { not: "REJECTED" as const } };
  switch (state) {
    case "deleted":
      return { deletedAt: { not: null } };
    case "superseded":
      return { deletedAt: null, supersededAt: { not: null } };
    case "rejected":
      return { ...live, reviewStatus: "REJECTED" };
    case "expired":
      return { ...notRejected, validUntil: { lt: now } };
    case "expiring_soon":
      return { ...notRejected, validUntil: { gte: now, lte: soon } };
    case "current":
      return { ...notRejected, OR: [{ validUntil: null }, { validUntil: { gt: soon } }] };
  }
}

export type EvidencePage = { items: EvidenceView[]; total: number; page: number; pageSize: number };

export async function listEvidence({
  workspaceId,
  query,
  now = new Date(),
}: {
  workspaceId: string;
  query: ListEvidenceQuery;
  now?: Date;
}): Promise<EvidencePage> {
  const and: Prisma.EvidenceWhereInput[] = [];
  const states = query.state ?? [];
  if (states.length === 0) and.push({ deletedAt: null });
  else
    and.push({
      OR: states.map((state) => evidenceStateWhere(state, now, env().EXPIRING_SOON_DAYS)),
    });
  if (query.kind && query.kind.length > 0) and.push({ kind: { in: query.kind } });
  if (query.vendorId) and.push({ vendorId: query.vendorId });
  if (query.systemId) {
    and.push({
      OR: [
        { links: { some: { workspaceId, duty: { workspaceId, systemId: query.systemId } } } },
        // Vendor attestations cover every system of that vendor (docs/glossary.md, "Covered").
        {
          kind: "ATTESTATION",
          vendor: { workspaceId, systems: { some: { id: query.systemId, workspaceId } } },
        },
      ],
    });
  }
  if (query.domainKey)
    and.push({
      links: { some: { workspaceId, duty: { workspaceId, domainKey: query.domainKey } } },
    });
  if (query.unlinked === "true") and.push({ links: { none: {} }, vendorId: null });
  if (query.unlinked === "false")
    and.push({ OR: [{ links: { some: {} } }, { vendorId: { not: null } }] });
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" as const };
    and.push({
      OR: [
        { title: contains },
        { description: contains },
        { fileName: contains },
        { url: contains },
      ],
    });
  }
  const where: Prisma.EvidenceWhereInput = { workspaceId, AND: and };
  const [total, rows] = await Promise.all([
    db.evidence.count({ where }),
    db.evidence.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: evidenceSelect,
    }),
  ]);
  return {
    items: rows.map((row) => toEvidenceView(row, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

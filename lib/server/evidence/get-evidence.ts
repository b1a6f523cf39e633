import "server-only";

import { db } from "@/lib/db/client";
import type { DutySide } from "@/lib/domain/responsibility";
import { NotFoundError } from "@/lib/errors";
import {
  evidenceSelect,
  type EvidenceView,
  toEvidenceView,
} from "@/lib/server/evidence/evidence-view";

export type EvidenceLinkView = {
  dutyId: string;
  side: DutySide;
  domainKey: string;
  system: { id: string; name: string };
  linkedAt: Date;
  linkedById: string | null;
};

export type EvidenceRevisionView = Pick<
  EvidenceView,
  "id" | "title" | "state" | "createdAt" | "supersededAt" | "deletedAt" | "file" | "url"
>;

export type EvidenceDetail = EvidenceView & {
  links: EvidenceLinkView[];
  /** The whole revision chain, newest first, this item included. */
  revisions: EvidenceRevisionView[];
};

// A chain longer than this is not a real history; stop rather than loop on corrupt data.
const MAX_REVISIONS = 500;

/** One evidence item of the workspace (soft-deleted ones too, their state says so), or 404. */
export async function getEvidence({
  workspaceId,
  evidenceId,
}: {
  workspaceId: string;
  evidenceId: string;
}): Promise<EvidenceDetail> {
  const now = new Date();
  const row = await db.evidence.findFirst({
    where: { id: evidenceId, workspaceId },
    select: evidenceSelect,
  });
  if (!row) throw new NotFoundError("Evidence not found.");
  const links = await db.evidenceLink.findMany({
    where: { workspaceId, evidenceId },
    orderBy: { createdAt: "asc" },
    select: {
      dutyId: true,
      createdAt: true,
      createdById: true,
      duty: {
        select: {
          side: true,
          domainKey: true,
          responsibility: { select: { system: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const item = toEvidenceView(row, now);
  return {
    ...item,
    links: links.map((link) => ({
      dutyId: link.dutyId,
      side: link.duty.side,
      domainKey: link.duty.domainKey,
      system: link.duty.responsibility.system,
      linkedAt: link.createdAt,
      linkedById: link.createdById,
    })),
    revisions: await listRevisions({ workspaceId, item, now }),
  };
}

async function listRevisions({
  workspaceId,
  item,
  now,
}: {
  workspaceId: string;
  item: EvidenceView;
  now: Date;
}) {
  const newer: EvidenceView[] = [];
  const older: EvidenceView[] = [];
  let nextId = item.supersededById;
  while (nextId && newer.length < MAX_REVISIONS) {
    const row = await db.evidence.findFirst({
      where: { id: nextId, workspaceId },
      select: evidenceSelect,
    });
    if (!row) break;
    const view = toEvidenceView(row, now);
    newer.push(view);
    nextId = view.supersededById;
  }
  let previousId = item.supersedesId;
  while (previousId && older.length < MAX_REVISIONS) {
    const row = await db.evidence.findFirst({
      where: { id: previousId, workspaceId },
      select: evidenceSelect,
    });
    if (!row) break;
    const view = toEvidenceView(row, now);
    older.push(view);
    previousId = view.supersedesId;
  }
  return [...newer.reverse(), item, ...older].map((view): EvidenceRevisionView => ({
    id: view.id,
    title: view.title,
    state: view.state,
    createdAt: view.createdAt,
    supersededAt: view.supersededAt,
    deletedAt: view.deletedAt,
    file: view.file,
    url: view.url,
  }));
}

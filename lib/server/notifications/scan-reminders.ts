import "server-only";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import {
  type NotificationInput,
  recordNotifications,
} from "@/lib/server/notifications/record-notifications";
import { dutyHref } from "@/lib/view/dashboard/labels";

/*
 * The scheduled reminders: duties due within DUE_SOON_DAYS and overdue (to their owner), evidence
 * expiring within EXPIRING_SOON_DAYS and expired (to its uploader and the owners of the duties it
 * is linked to), and vendor attestations expiring or expired (to the owners of the provider duties
 * of the vendor's systems, or the workspace's admins when none has an owner).
 *
 * Idempotent through the dedupe key, which names the event and the date it is about
 * ("duty.overdue:<dutyId>:<dueDay>"): running the scan again, in another process or after a
 * retry, adds nothing; moving the due date (or renewing the evidence) is a new event. The scan
 * walks one workspace at a time in keyset batches of BATCH rows, each with its own short
 * transaction, so a workspace of thousands of duties is never one big read or write.
 *
 * It looks back LOOKBACK_DAYS only: a duty overdue for months, or evidence that expired long
 * ago, when the scan first runs (a new installation, an upgrade) is not news worth an e-mail.
 */

export const DUE_SOON_DAYS = 7;
export const LOOKBACK_DAYS = 30;
const BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ReminderScanResult = { workspaces: number; candidates: number; created: number };

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const sideLabel = (side: string) => (side === "PROVIDER" ? "provider" : "customer");

export async function scanReminders({
  now = new Date(),
  signal,
}: { now?: Date; signal?: AbortSignal } = {}): Promise<ReminderScanResult> {
  const result: ReminderScanResult = { workspaces: 0, candidates: 0, created: 0 };
  let after = "";
  for (;;) {
    const workspaces = await db.workspace.findMany({
      where: { id: { gt: after } },
      select: { id: true, slug: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (workspaces.length === 0) break;
    for (const workspace of workspaces) {
      if (signal?.aborted) return result;
      result.workspaces++;
      for (const scan of [scanDuties, scanEvidence]) {
        const counts = await scan({ workspace, now });
        result.candidates += counts.candidates;
        result.created += counts.created;
      }
    }
    after = workspaces[workspaces.length - 1]!.id;
  }
  return result;
}

type Workspace = { id: string; slug: string };
type Counts = { candidates: number; created: number };

async function record(workspaceId: string, items: NotificationInput[]): Promise<number> {
  if (items.length === 0) return 0;
  return workspaceTransaction(workspaceId, "recordReminders", (tx) =>
    recordNotifications(tx, workspaceId, items),
  );
}

/** Duties of live systems, not done, with an owner, due from LOOKBACK_DAYS ago to DUE_SOON_DAYS ahead. */
async function scanDuties({
  workspace,
  now,
}: {
  workspace: Workspace;
  now: Date;
}): Promise<Counts> {
  const today = new Date(`${dayOf(now)}T00:00:00.000Z`);
  const from = new Date(today.getTime() - LOOKBACK_DAYS * DAY_MS);
  const until = new Date(today.getTime() + (DUE_SOON_DAYS + 1) * DAY_MS);
  const counts: Counts = { candidates: 0, created: 0 };
  let after = "";
  for (;;) {
    const duties = await db.$queryRaw<
      {
        id: string;
        ownerId: string;
        dueDate: Date;
        systemId: string;
        systemName: string;
        domainKey: string;
        side: string;
      }[]
    >`
      SELECT d.id, d."ownerId", d."dueDate", d."systemId", s.name AS "systemName", d."domainKey",
        d.side::text AS side
      FROM "Duty" d
      JOIN "AiSystem" s ON s.id = d."systemId" AND s."workspaceId" = d."workspaceId"
        AND s."archivedAt" IS NULL
      WHERE d."workspaceId" = ${workspace.id} AND d."ownerId" IS NOT NULL
        AND d.status IN ('NOT_STARTED', 'IN_PROGRESS')
        AND d."dueDate" >= ${from} AND d."dueDate" < ${until} AND d.id > ${after}
      ORDER BY d.id
      LIMIT ${BATCH}`;
    if (duties.length === 0) break;
    counts.candidates += duties.length;
    const items = duties.map((duty): NotificationInput => {
      const dueDay = dayOf(duty.dueDate);
      const overdue = duty.dueDate < today;
      const what = `${duty.systemName} · ${duty.domainKey} (${sideLabel(duty.side)})`;
      const days = Math.round((duty.dueDate.getTime() - today.getTime()) / DAY_MS);
      return {
        userId: duty.ownerId,
        category: "DUE",
        event: overdue ? "duty.overdue" : "duty.due-soon",
        dedupeKey: `${overdue ? "duty.overdue" : "duty.due-soon"}:${duty.id}:${dueDay}`,
        title: overdue
          ? `Overdue since ${dueDay}: ${what}`
          : days === 0
            ? `Due today: ${what}`
            : `Due in ${days} day${days === 1 ? "" : "s"} (${dueDay}): ${what}`,
        body: overdue
          ? "This duty you own is past its due date and not yet implemented."
          : "This duty you own is not yet implemented.",
        link: dutyHref({
          slug: workspace.slug,
          systemId: duty.systemId,
          domainKey: duty.domainKey,
        }),
        entityType: "Duty",
        entityId: duty.id,
      };
    });
    counts.created += await record(workspace.id, items);
    after = duties[duties.length - 1]!.id;
    if (duties.length < BATCH) break;
  }
  return counts;
}

/**
 * Live evidence (not deleted, superseded, purged or rejected) whose valid-until lies between
 * LOOKBACK_DAYS ago and EXPIRING_SOON_DAYS ahead.
 */
async function scanEvidence({
  workspace,
  now,
}: {
  workspace: Workspace;
  now: Date;
}): Promise<Counts> {
  const from = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
  const until = new Date(now.getTime() + env().EXPIRING_SOON_DAYS * DAY_MS);
  const counts: Counts = { candidates: 0, created: 0 };
  let after = "";
  for (;;) {
    const items = await db.$queryRaw<
      {
        id: string;
        title: string;
        validUntil: Date;
        uploaderId: string | null;
        vendorId: string | null;
        vendorName: string | null;
      }[]
    >`
      SELECT e.id, e.title, e."validUntil", e."uploaderId",
        CASE WHEN e.kind = 'ATTESTATION' THEN e."vendorId" END AS "vendorId", v.name AS "vendorName"
      FROM "Evidence" e
      LEFT JOIN "Vendor" v ON v.id = e."vendorId" AND v."workspaceId" = e."workspaceId"
        AND e.kind = 'ATTESTATION'
      WHERE e."workspaceId" = ${workspace.id} AND e."deletedAt" IS NULL
        AND e."supersededAt" IS NULL AND e."purgedAt" IS NULL AND e."reviewStatus" <> 'REJECTED'
        AND e."validUntil" >= ${from} AND e."validUntil" < ${until} AND e.id > ${after}
      ORDER BY e.id
      LIMIT ${BATCH}`;
    if (items.length === 0) break;
    counts.candidates += items.length;
    const ids = items.map((item) => item.id);
    const vendorIds = [...new Set(items.flatMap((item) => (item.vendorId ? [item.vendorId] : [])))];
    const [linkedOwners, vendorOwners, admins] = await Promise.all([
      db.$queryRaw<{ evidenceId: string; ownerId: string }[]>`
        SELECT DISTINCT l."evidenceId", d."ownerId"
        FROM "EvidenceLink" l
        JOIN "Duty" d ON d.id = l."dutyId" AND d."workspaceId" = l."workspaceId"
        WHERE l."workspaceId" = ${workspace.id} AND l."evidenceId" = ANY(${ids})
          AND d."ownerId" IS NOT NULL`,
      vendorIds.length === 0
        ? Promise.resolve([])
        : db.$queryRaw<{ vendorId: string; ownerId: string }[]>`
            SELECT DISTINCT s."vendorId", d."ownerId"
            FROM "AiSystem" s
            JOIN "Duty" d ON d."systemId" = s.id AND d."workspaceId" = s."workspaceId"
            WHERE s."workspaceId" = ${workspace.id} AND s."vendorId" = ANY(${vendorIds})
              AND s."archivedAt" IS NULL AND d.side = 'PROVIDER' AND d."ownerId" IS NOT NULL`,
      vendorIds.length === 0
        ? Promise.resolve([])
        : db.membership.findMany({
            where: {
              workspaceId: workspace.id,
              role: { in: ["OWNER", "ADMIN"] },
              deactivatedAt: null,
            },
            select: { userId: true },
          }),
    ]);
    const byEvidence = group(
      linkedOwners,
      (row) => row.evidenceId,
      (row) => row.ownerId,
    );
    const byVendor = group(
      vendorOwners,
      (row) => row.vendorId,
      (row) => row.ownerId,
    );
    const notifications = items.flatMap((item): NotificationInput[] => {
      const day = dayOf(item.validUntil);
      const expired = item.validUntil <= now;
      const link = `/w/${encodeURIComponent(workspace.slug)}/evidence/${encodeURIComponent(item.id)}`;
      if (item.vendorId) {
        const owners = byVendor.get(item.vendorId);
        const recipients = owners && owners.size > 0 ? owners : admins.map((a) => a.userId);
        const event = expired ? "vendor.attestation-expired" : "vendor.attestation-expiring";
        const vendor = item.vendorName ?? "a vendor";
        return [...new Set(recipients)].map((userId) => ({
          userId,
          category: "ATTESTATION_EXPIRY",
          event,
          dedupeKey: `${event}:${item.id}:${day}`,
          title: expired
            ? `Attestation of ${vendor} expired on ${day}: ${item.title}`
            : `Attestation of ${vendor} expires on ${day}: ${item.title}`,
          body: "It covers the provider duties of this vendor's systems; ask the vendor for a current one.",
          link,
          entityType: "Evidence",
          entityId: item.id,
        }));
      }
      const recipients = new Set(byEvidence.get(item.id) ?? []);
      if (item.uploaderId) recipients.add(item.uploaderId);
      const event = expired ? "evidence.expired" : "evidence.expiring";
      return [...recipients].map((userId) => ({
        userId,
        category: "EVIDENCE_EXPIRY",
        event,
        dedupeKey: `${event}:${item.id}:${day}`,
        title: expired
          ? `Evidence expired on ${day}: ${item.title}`
          : `Evidence expires on ${day}: ${item.title}`,
        body: "You uploaded it or own a duty it supports; add a current version to keep the duty covered.",
        link,
        entityType: "Evidence",
        entityId: item.id,
      }));
    });
    counts.created += await record(workspace.id, notifications);
    after = items[items.length - 1]!.id;
    if (items.length < BATCH) break;
  }
  return counts;
}

function group<T>(
  rows: readonly T[],
  key: (row: T) => string,
  value: (row: T) => string,
): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = map.get(key(row)) ?? new Set<string>();
    set.add(value(row));
    map.set(key(row), set);
  }
  return map;
}
